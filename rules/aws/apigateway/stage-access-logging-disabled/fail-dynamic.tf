# Access logging in a dynamic block enabled only when a log group is given; none is.
variable "log_group_arn" {
  type    = string
  default = null
}

resource "aws_api_gateway_stage" "prod" { # expect
  rest_api_id   = "api0123456"
  deployment_id = "abc123"
  stage_name    = "prod"

  dynamic "access_log_settings" {
    for_each = var.log_group_arn == null ? [] : [var.log_group_arn]
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}

resource "aws_apigatewayv2_stage" "default" { # expect
  api_id = "api0123456"
  name   = "$default"

  dynamic "access_log_settings" {
    for_each = var.log_group_arn == null ? [] : [var.log_group_arn]
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}
