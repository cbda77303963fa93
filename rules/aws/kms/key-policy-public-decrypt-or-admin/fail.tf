# Key policies that let anyone decrypt or administer the key: jsonencode inline, and a split
# aws_kms_key_policy built with aws_iam_policy_document (kms:ViaService alone lets callers of
# any account in).
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "open" {
  enable_key_rotation = true
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Sid       = "everyone"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "decrypt" {
  enable_key_rotation = true
}

data "aws_iam_policy_document" "decrypt" {
  statement {
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    actions   = ["kms:Decrypt", "kms:DescribeKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.eu-west-1.amazonaws.com"]
    }
  }
}

resource "aws_kms_key_policy" "decrypt" {
  key_id = aws_kms_key.decrypt.id
  policy = data.aws_iam_policy_document.decrypt.json # expect
}
