# The ACL comes from a validated variable whose default is authenticated-read.
variable "acl" {
  type    = string
  default = "authenticated-read"

  validation {
    condition     = contains(["private", "authenticated-read"], var.acl)
    error_message = "The ACL must be private or authenticated-read."
  }
}

resource "aws_s3_bucket" "reports" {
  bucket = "reports-example"
}

resource "aws_s3_bucket_acl" "reports" {
  bucket = aws_s3_bucket.reports.id
  acl    = var.acl # expect
}
