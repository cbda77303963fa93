# A canned ACL of public-read-write: anyone can list and write objects.
resource "aws_s3_bucket" "uploads" {
  bucket = "uploads-example"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read-write" # expect
}
