# The certificate is only attached when use_mtls is true; it defaults to false, so the
# argument is null (absent).
variable "use_mtls" {
  type    = bool
  default = false
}

resource "aws_api_gateway_client_certificate" "backend" {
  description = "backend authentication"
}

resource "aws_api_gateway_stage" "prod" { # expect
  rest_api_id           = "api0123456"
  deployment_id         = "abc123"
  stage_name            = "prod"
  client_certificate_id = var.use_mtls ? aws_api_gateway_client_certificate.backend.id : null
}
