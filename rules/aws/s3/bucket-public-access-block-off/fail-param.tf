# One setting follows a variable whose default allows public ACLs.
variable "allow_public" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "assets" {
  bucket = "assets-example"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket = aws_s3_bucket.assets.id

  block_public_acls       = !var.allow_public # expect
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
