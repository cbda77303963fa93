# Logging in a dynamic block enabled only when a log bucket is given; the default is none.
variable "log_bucket" {
  type    = string
  default = ""
}

resource "aws_cloudfront_distribution" "site" { # expect
  enabled = true

  dynamic "logging_config" {
    for_each = var.log_bucket == "" ? [] : [var.log_bucket]
    content {
      bucket = "${logging_config.value}.s3.amazonaws.com"
    }
  }

  origin {
    origin_id   = "web"
    domain_name = "www.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
