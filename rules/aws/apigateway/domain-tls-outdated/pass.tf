# TLS_1_2 on REST and HTTP API domains, and a policy only known at plan time.
variable "policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "modern" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "from_variable" {
  domain_name     = "edge.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  security_policy = var.policy
}

resource "aws_apigatewayv2_domain_name" "ws" {
  domain_name = "ws.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
