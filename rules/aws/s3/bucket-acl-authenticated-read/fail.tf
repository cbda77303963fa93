# authenticated-read: every AWS account in the world can read the bucket.
resource "aws_s3_bucket" "reports" {
  bucket = "reports-example"
}

resource "aws_s3_bucket_acl" "reports" {
  bucket = aws_s3_bucket.reports.id
  acl    = "authenticated-read" # expect
}
