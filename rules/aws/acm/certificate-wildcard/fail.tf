# A wildcard domain name, and a wildcard among the alternative names (on its own line).
resource "aws_acm_certificate" "wildcard" {
  domain_name       = "*.example.com" # expect
  validation_method = "DNS"
}

resource "aws_acm_certificate" "extra" {
  domain_name = "shop.example.com"
  subject_alternative_names = [
    "www.shop.example.com",
    "*.shop.example.com", # expect
  ]
  validation_method = "DNS"
}
