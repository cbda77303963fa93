# A private ACL, and an ACL from a variable without default (unknown).
variable "acl" {
  type = string
}

resource "aws_s3_bucket" "reports" {
  bucket = "reports-example"
}

resource "aws_s3_bucket_acl" "reports" {
  bucket = aws_s3_bucket.reports.id
  acl    = "private"
}

resource "aws_s3_bucket" "other" {
  bucket = "other-example"
}

resource "aws_s3_bucket_acl" "other" {
  bucket = aws_s3_bucket.other.id
  acl    = var.acl
}
