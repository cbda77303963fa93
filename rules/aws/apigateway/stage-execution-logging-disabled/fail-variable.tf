# The logging level of the stage-wide method settings comes from a variable defaulting to OFF;
# the finding points at the stage that ends up without execution logs.
variable "log_level" {
  type    = string
  default = "OFF"
}

resource "aws_api_gateway_stage" "prod" { # expect
  rest_api_id   = "api0123456"
  deployment_id = "abc123"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "api0123456"
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = var.log_level
  }
}
