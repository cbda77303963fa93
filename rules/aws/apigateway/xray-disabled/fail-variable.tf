# Tracing from a variable defaulting to false.
variable "tracing" {
  type    = bool
  default = false
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = "api0123456"
  deployment_id        = "abc123"
  stage_name           = "prod"
  xray_tracing_enabled = var.tracing # expect
}
