# A client certificate of the configuration, and one only known at plan time.
variable "certificate_id" {
  type = string
}

resource "aws_api_gateway_client_certificate" "backend" {
  description = "backend authentication"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = "api0123456"
  deployment_id         = "abc123"
  stage_name            = "prod"
  client_certificate_id = aws_api_gateway_client_certificate.backend.id
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id           = "api0123456"
  deployment_id         = "abc123"
  stage_name            = "beta"
  client_certificate_id = var.certificate_id
}
