# Exact host names, and a domain only known at plan time.
variable "domain" {
  type = string
}

resource "aws_acm_certificate" "site" {
  domain_name               = "www.example.com"
  subject_alternative_names = ["example.com"]
  validation_method         = "DNS"
}

resource "aws_acm_certificate" "unknown" {
  domain_name       = var.domain
  validation_method = "DNS"
}
