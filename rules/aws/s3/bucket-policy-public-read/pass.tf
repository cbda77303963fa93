# Public principals narrowed by a VPC endpoint, a CloudFront distribution or the organisation,
# named accounts, a Deny, a write-only public statement and a principal unknown before apply.
resource "aws_s3_bucket" "data" {
  bucket = "data-example"
}

data "aws_iam_policy_document" "restricted" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }

  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = ["arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"]
    }
  }

  statement {
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }

  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.data.arn}/*"]
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

resource "aws_s3_bucket_policy" "restricted" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.restricted.json
}

data "aws_ssm_parameter" "reader" {
  name = "/other/reader-arn"
}

resource "aws_s3_bucket_policy" "from_parameter" {
  bucket = "other"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = data.aws_ssm_parameter.reader.value }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::other/*"
    }]
  })
}

resource "aws_s3_bucket_policy" "write_only" {
  bucket = "drop"
  policy = <<-EOT
    {
      "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::drop/*"},
        {
          "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::drop/*",
          "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}
        }
      ]
    }
  EOT
}
