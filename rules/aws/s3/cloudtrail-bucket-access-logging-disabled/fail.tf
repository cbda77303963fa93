# A trail of the configuration writes to a bucket that has no access logging.
resource "aws_s3_bucket" "trail" { # expect
  bucket = "trail-example"
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  enable_logging = true
}
