# Certificate Transparency logging turned off.
resource "aws_acm_certificate" "internal" {
  domain_name       = "api.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = "DISABLED" # expect
  }
}
