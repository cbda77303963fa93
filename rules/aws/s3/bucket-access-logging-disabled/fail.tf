# "data" has no access logging. "access_logs" is the target of another bucket's logging, and
# "logged" logs to it: neither is reported.
resource "aws_s3_bucket" "data" { # expect
  bucket = "data-example"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "access-logs-example"
}

resource "aws_s3_bucket" "logged" {
  bucket = "logged-example"
}

resource "aws_s3_bucket_logging" "logged" {
  bucket        = aws_s3_bucket.logged.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "logged/"
}
