# The deprecated inline website block, serving content.
resource "aws_s3_bucket" "site" {
  bucket = "legacy-site-example"

  website { # expect
    index_document = "index.html"
    error_document = "error.html"
  }
}
