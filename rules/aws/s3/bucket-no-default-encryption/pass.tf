# SSE-KMS with the split resource, the deprecated inline block, and encryption whose
# existence is unknown before apply.
variable "encrypt" {
  type = bool
}

resource "aws_s3_bucket" "kms" {
  bucket = "kms-example"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
  bucket = aws_s3_bucket.kms.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "alias/data"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket" "inline" {
  bucket = "inline-example"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket" "maybe" {
  bucket = "maybe-example"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "maybe" {
  count  = var.encrypt ? 1 : 0
  bucket = aws_s3_bucket.maybe.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
