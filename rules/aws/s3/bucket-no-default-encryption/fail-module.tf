# A local module whose bucket gets encryption only when asked; the call leaves it off.
module "archive" {
  source = "./modules/bucket"
  name   = "archive-example"
}

module "records" {
  source  = "./modules/bucket"
  name    = "records-example"
  encrypt = true
}
# --- file: modules/bucket/main.tf
variable "name" {
  type = string
}

variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "this" { # expect
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.encrypt ? 1 : 0
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
