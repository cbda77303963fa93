# Buckets with no server-side encryption configuration of their own.
resource "aws_s3_bucket" "data" { # expect
  bucket = "data-example"
}

resource "aws_s3_bucket" "bare" { # expect
}

# An encryption configuration for a bucket elsewhere does not cover the ones above.
resource "aws_s3_bucket_server_side_encryption_configuration" "other" {
  bucket = "some-other-bucket"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
