# Tracing on, tracing only known at plan time, and a deployment that creates no stage.
variable "tracing" {
  type = bool
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = "api0123456"
  deployment_id        = "abc123"
  stage_name           = "prod"
  xray_tracing_enabled = true
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id          = "api0123456"
  deployment_id        = "abc123"
  stage_name           = "beta"
  xray_tracing_enabled = var.tracing
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = "api0123456"
}
