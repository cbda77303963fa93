# A map in locals looked up by environment, and a conditional on the environment:
# with the default "dev", both buckets are public-read-write.
variable "env" {
  type    = string
  default = "dev"
}

locals {
  acl_by_env = {
    dev  = "public-read-write"
    prod = "private"
  }
  is_prod = var.env == "prod"
}

resource "aws_s3_bucket" "drop" {
  bucket = "drop-${var.env}"
}

resource "aws_s3_bucket_acl" "drop" {
  bucket = aws_s3_bucket.drop.id
  acl    = lookup(local.acl_by_env, var.env) # expect
}

resource "aws_s3_bucket" "shared" {
  bucket = "shared-${var.env}"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.bucket
  acl    = local.is_prod ? "private" : "public-read-write" # expect
}
