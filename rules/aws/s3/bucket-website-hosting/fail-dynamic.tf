# Dynamic blocks pick an index document or a redirect; with no redirect given (the default),
# the bucket serves content.
variable "redirect_host" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "site" {
  bucket = "site-example"
}

resource "aws_s3_bucket_website_configuration" "site" { # expect
  bucket = aws_s3_bucket.site.id

  dynamic "index_document" {
    for_each = var.redirect_host == null ? ["index.html"] : []
    content {
      suffix = index_document.value
    }
  }

  dynamic "redirect_all_requests_to" {
    for_each = var.redirect_host == null ? [] : [var.redirect_host]
    content {
      host_name = redirect_all_requests_to.value
      protocol  = "https"
    }
  }
}
