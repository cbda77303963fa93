# Static website hosting that serves content (not a redirect), with the split resource.
resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_website_configuration" "site" { # expect
  bucket = aws_s3_bucket.site.id

  index_document {
    suffix = "index.html"
  }

  error_document {
    key = "error.html"
  }
}
