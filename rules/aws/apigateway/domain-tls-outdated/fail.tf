# An explicit TLS_1_0 policy, and a domain without security_policy (TLS_1_0 by default).
resource "aws_api_gateway_domain_name" "legacy" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  security_policy          = "TLS_1_0" # expect

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "default" { # expect
  domain_name     = "edge.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
}
