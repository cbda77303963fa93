# Ordered cache behaviors generated from a locals map; one of them allows plain HTTP.
locals {
  behaviors = {
    "/static/*" = "redirect-to-https"
    "/legacy/*" = "allow-all"
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

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

  dynamic "ordered_cache_behavior" {
    for_each = local.behaviors
    content {
      path_pattern           = ordered_cache_behavior.key
      target_origin_id       = "web"
      viewer_protocol_policy = ordered_cache_behavior.value # expect
      allowed_methods        = ["GET", "HEAD"]
      cached_methods         = ["GET", "HEAD"]
      cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    }
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
