# Tracing turned off, left out, and a deployment-created stage (which cannot enable it).
resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = "api0123456"
  deployment_id        = "abc123"
  stage_name           = "prod"
  xray_tracing_enabled = false # expect
}

resource "aws_api_gateway_stage" "beta" { # expect
  rest_api_id   = "api0123456"
  deployment_id = "abc123"
  stage_name    = "beta"
}

resource "aws_api_gateway_deployment" "dev" { # expect
  rest_api_id = "api0123456"
  stage_name  = "dev"
}
