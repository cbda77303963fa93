# prod.auto.tfvars turns versioning off: the finding points where the variable is used.
variable "versioning_enabled" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "records" {
  bucket = "records-example"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = var.versioning_enabled ? "Enabled" : "Suspended" # expect
  }
}
# --- file: prod.auto.tfvars
versioning_enabled = false
