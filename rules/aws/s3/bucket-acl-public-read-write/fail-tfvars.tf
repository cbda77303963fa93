# terraform.tfvars overrides a private default: the finding points where the variable is used.
variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = var.acl # expect
}
# --- file: terraform.tfvars
acl = "public-read-write"
