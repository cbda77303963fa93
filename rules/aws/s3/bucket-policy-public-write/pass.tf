# Public read only, public write pinned to the organisation, and a principal that depends on
# a variable without default (unknown).
variable "stage" {
  type = string
}

resource "aws_s3_bucket_policy" "read_only" {
  bucket = "site-bucket"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = "arn:aws:s3:::site-bucket/*"
    }]
  })
}

data "aws_iam_policy_document" "org_only" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::shared-bucket/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::shared-bucket/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "org_only" {
  bucket = "shared-bucket"
  policy = data.aws_iam_policy_document.org_only.json
}

resource "aws_s3_bucket_policy" "unknown" {
  bucket = "archive-bucket"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.stage == "prod" ? "arn:aws:iam::111122223333:root" : "*" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::archive-bucket/*"
    }]
  })
}
