# The default (enabled), explicitly enabled, and a preference only known at plan time.
variable "ct" {
  type = string
}

resource "aws_acm_certificate" "default" {
  domain_name       = "api.example.com"
  validation_method = "DNS"
}

resource "aws_acm_certificate" "enabled" {
  domain_name       = "www.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }
}

resource "aws_acm_certificate" "unknown" {
  domain_name       = "app.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = var.ct
  }
}
