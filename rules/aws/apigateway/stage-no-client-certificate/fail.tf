# A stage without client_certificate_id, and one with an empty id.
resource "aws_api_gateway_stage" "prod" { # expect
  rest_api_id   = "api0123456"
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id           = "api0123456"
  deployment_id         = "abc123"
  stage_name            = "beta"
  client_certificate_id = "" # expect
}
