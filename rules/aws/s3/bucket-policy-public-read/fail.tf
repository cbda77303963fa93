# Bucket policies that let anyone read: jsonencode, aws_iam_policy_document (a Referer
# condition does not restrict the caller) and a heredoc with NotAction, held in a local.
resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
    }]
  })
}

data "aws_iam_policy_document" "listing" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::listing-bucket"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringLike"
      variable = "aws:Referer"
      values   = ["https://www.example.com/*"]
    }
  }
}

resource "aws_s3_bucket_policy" "listing" {
  bucket = "listing-bucket"
  policy = data.aws_iam_policy_document.listing.json # expect
}

locals {
  not_action_policy = <<-EOT
    {
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "NotAction": "s3:DeleteObject",
        "Resource": "arn:aws:s3:::other-bucket/*"
      }]
    }
  EOT
}

resource "aws_s3_bucket_policy" "not_action" {
  bucket = "other-bucket"
  policy = local.not_action_policy # expect
}
