# Encryption is only configured when var.encrypt is true, and it defaults to false.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "data" { # expect
  bucket = "data-example"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  count  = var.encrypt ? 1 : 0
  bucket = aws_s3_bucket.data.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
