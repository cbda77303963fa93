# The policy comes from a variable whose default is TLS_1_0.
variable "tls_policy" {
  type    = string
  default = "TLS_1_0"
}

resource "aws_acm_certificate" "api" {
  domain_name       = "api.example.com"
  validation_method = "DNS"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = var.tls_policy # expect

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
