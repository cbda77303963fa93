# The ACL is passed in through a local module's input: the finding points at the module call.
module "logs" {
  source = "./modules/bucket"
  name   = "logs-example"
  acl    = "public-read" # expect
}

module "private" {
  source = "./modules/bucket"
  name   = "private-example"
}
# --- file: modules/bucket/main.tf
variable "name" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
