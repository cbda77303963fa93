# A local module that takes the settings as inputs: the finding points at the module call.
module "assets" {
  source              = "./modules/bucket"
  name                = "assets-example"
  block_public_policy = false # expect
}

module "locked" {
  source = "./modules/bucket"
  name   = "locked-example"
}
# --- file: modules/bucket/main.tf
variable "name" {
  type = string
}

variable "block_public_policy" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = var.block_public_policy
  restrict_public_buckets = true
}
