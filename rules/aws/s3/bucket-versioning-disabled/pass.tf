# Versioning enabled with the split resource and with the deprecated inline block, and a
# status unknown before apply.
variable "status" {
  type = string
}

resource "aws_s3_bucket" "records" {
  bucket = "records-example"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "inline" {
  bucket = "inline-example"

  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket" "from_variable" {
  bucket = "from-variable-example"
}

resource "aws_s3_bucket_versioning" "from_variable" {
  bucket = aws_s3_bucket.from_variable.id
  versioning_configuration {
    status = var.status
  }
}
