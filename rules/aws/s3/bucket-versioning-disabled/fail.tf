# No versioning resource for "records"; "paused" and "never" have versioning turned off.
resource "aws_s3_bucket" "records" { # expect
  bucket = "records-example"
}

resource "aws_s3_bucket" "paused" {
  bucket = "paused-example"
}

resource "aws_s3_bucket_versioning" "paused" {
  bucket = aws_s3_bucket.paused.id
  versioning_configuration {
    status = "Suspended" # expect
  }
}

resource "aws_s3_bucket" "never" {
  bucket = "never-example"
}

resource "aws_s3_bucket_versioning" "never" {
  bucket = aws_s3_bucket.never.bucket
  versioning_configuration {
    status = "Disabled" # expect
  }
}
