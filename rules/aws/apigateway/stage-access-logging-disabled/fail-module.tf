# A stage module called with an empty log destination.
module "prod" {
  source         = "./modules/stage"
  stage_name     = "prod"
  access_log_arn = "" # expect
}
# --- file: modules/stage/main.tf
variable "stage_name" {
  type = string
}

variable "access_log_arn" {
  type = string
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = "api0123456"
  deployment_id = "abc123"
  stage_name    = var.stage_name

  access_log_settings {
    destination_arn = var.access_log_arn
    format          = "$context.requestId"
  }
}
