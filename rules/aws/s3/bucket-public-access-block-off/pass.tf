# Everything blocked, no public access block at all (new buckets block public access by
# default), and settings unknown before apply.
variable "block" {
  type = bool
}

resource "aws_s3_bucket" "locked" {
  bucket = "locked-example"
}

resource "aws_s3_bucket_public_access_block" "locked" {
  bucket = aws_s3_bucket.locked.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "default" {
  bucket = "default-example"
}

resource "aws_s3_bucket" "from_variable" {
  bucket = "from-variable-example"
}

resource "aws_s3_bucket_public_access_block" "from_variable" {
  bucket = aws_s3_bucket.from_variable.id

  block_public_acls       = var.block
  ignore_public_acls      = var.block
  block_public_policy     = var.block
  restrict_public_buckets = var.block
}
