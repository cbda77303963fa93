# A public access block that leaves settings off, and one that leaves two settings out
# (they default to false): the latter's two findings point at its resource line.
resource "aws_s3_bucket" "website" {
  bucket = "website-example"
}

resource "aws_s3_bucket_public_access_block" "website" {
  bucket = aws_s3_bucket.website.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false # expect
  restrict_public_buckets = false # expect
}

resource "aws_s3_bucket" "partial" {
  bucket = "partial-example"
}

resource "aws_s3_bucket_public_access_block" "partial" { # expect
  bucket = aws_s3_bucket.partial.id

  block_public_policy     = true
  restrict_public_buckets = true
}
