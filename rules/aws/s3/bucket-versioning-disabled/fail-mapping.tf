# The status is looked up in a map by environment; "dev" (the default) suspends versioning.
variable "env" {
  type    = string
  default = "dev"
}

locals {
  versioning = {
    dev  = "Suspended"
    prod = "Enabled"
  }
}

resource "aws_s3_bucket" "records" {
  bucket = "records-${var.env}"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = local.versioning[var.env] # expect
  }
}
