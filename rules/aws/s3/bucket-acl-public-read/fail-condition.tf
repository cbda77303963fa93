# The ACL is chosen by a conditional on a variable whose default makes the bucket public.
variable "public_site" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = var.public_site ? "public-read" : "private" # expect
}
