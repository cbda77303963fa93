# The ACL comes from a variable whose default is public-read-write.
variable "acl" {
  type    = string
  default = "public-read-write"
}

resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = var.acl # expect
}
