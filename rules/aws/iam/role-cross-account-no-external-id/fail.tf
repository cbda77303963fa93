# Roles another account can assume with no external ID or MFA condition: jsonencode, an
# aws_iam_policy_document whose MFA condition is "false", and a heredoc (in a local) whose
# external ID is empty.
resource "aws_iam_role" "vendor_access" {
  name = "vendor-access"
  assume_role_policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "partner" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["777788889999"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_role" "partner" {
  name               = "partner"
  assume_role_policy = data.aws_iam_policy_document.partner.json # expect
}

locals {
  integration_trust = <<-EOT
    {
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::444455556666:role/integration"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": ""}}
      }]
    }
  EOT
}

resource "aws_iam_role" "empty_external_id" {
  name               = "empty-external-id"
  assume_role_policy = local.integration_trust # expect
}
