# The deprecated inline versioning block: enabled = false is a suspended configuration.
resource "aws_s3_bucket" "records" {
  bucket = "records-example"

  versioning {
    enabled = false # expect
  }
}
