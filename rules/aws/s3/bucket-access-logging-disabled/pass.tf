# Logging to a bucket given by name, logging in the deprecated inline block, a legacy
# log-delivery-write target, and logging whose existence is unknown before apply.
variable "log_bucket" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "data-example"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "central-access-logs"
  target_prefix = "data/"
}

resource "aws_s3_bucket" "inline" {
  bucket = "inline-example"

  logging {
    target_bucket = "central-access-logs"
    target_prefix = "inline/"
  }
}

resource "aws_s3_bucket" "legacy_log_target" {
  bucket = "legacy-log-target-example"
}

resource "aws_s3_bucket_acl" "legacy_log_target" {
  bucket = aws_s3_bucket.legacy_log_target.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "maybe" {
  bucket = "maybe-example"
}

resource "aws_s3_bucket_logging" "maybe" {
  count = var.log_bucket == "" ? 0 : 1

  bucket        = aws_s3_bucket.maybe.id
  target_bucket = var.log_bucket
  target_prefix = "maybe/"
}
