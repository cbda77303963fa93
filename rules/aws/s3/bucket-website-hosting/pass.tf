# A redirect-only website (split and inline), a bucket without website hosting, and website
# hosting whose existence is unknown before apply.
variable "website" {
  type = bool
}

resource "aws_s3_bucket" "redirect" {
  bucket = "redirect-example"
}

resource "aws_s3_bucket_website_configuration" "redirect" {
  bucket = aws_s3_bucket.redirect.id

  redirect_all_requests_to {
    host_name = "www.example.com"
    protocol  = "https"
  }
}

resource "aws_s3_bucket" "inline_redirect" {
  bucket = "inline-redirect-example"

  website {
    redirect_all_requests_to = "https://www.example.com"
  }
}

resource "aws_s3_bucket" "origin" {
  bucket = "origin-example"
}

resource "aws_s3_bucket" "maybe" {
  bucket = "maybe-example"
}

resource "aws_s3_bucket_website_configuration" "maybe" {
  count  = var.website ? 1 : 0
  bucket = aws_s3_bucket.maybe.id

  index_document {
    suffix = "index.html"
  }
}
