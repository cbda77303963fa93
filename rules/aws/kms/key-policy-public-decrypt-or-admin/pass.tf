# Public principals pinned to an account or the organisation, a principal unknown before
# apply, and a key without a policy (the default key policy trusts only the account).
variable "principal" {
  type = string
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "account" {
  statement {
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = ["111122223333"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["ebs.eu-west-1.amazonaws.com"]
    }
  }

  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_kms_key" "account" {
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.account.json
}

resource "aws_kms_key" "unknown_principal" {
  enable_key_rotation = true
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.principal }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "no_policy" {
  enable_key_rotation = true
}
