# A canned ACL of public-read, set with the split aws_s3_bucket_acl resource.
resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_ownership_controls" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "site" {
  depends_on = [aws_s3_bucket_ownership_controls.site]

  bucket = aws_s3_bucket.site.id
  acl    = "public-read" # expect
}
