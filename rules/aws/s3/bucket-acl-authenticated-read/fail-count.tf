# Three buckets made with count, all authenticated-read: one finding per instance, on one line.
resource "aws_s3_bucket" "reports" {
  count  = 3
  bucket = "reports-${count.index}-example"
}

resource "aws_s3_bucket_acl" "reports" {
  count  = 3
  bucket = aws_s3_bucket.reports[count.index].id
  acl    = "authenticated-read" # expect
}
