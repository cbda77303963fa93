# A local module that always attaches a TLS-only policy to its bucket, used with for_each.
module "bucket" {
  source   = "./modules/tls-bucket"
  for_each = toset(["assets", "uploads"])
  name     = "${each.key}-example"
}
# --- file: modules/tls-bucket/main.tf
variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

data "aws_iam_policy_document" "this" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json
}
