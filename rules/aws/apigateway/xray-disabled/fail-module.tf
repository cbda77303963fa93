# One stage module per environment: the caller turning tracing off is reported at its argument.
module "prod" {
  source     = "./modules/stage"
  stage_name = "prod"
}

module "dev" {
  source     = "./modules/stage"
  stage_name = "dev"
  tracing    = false # expect
}
# --- file: modules/stage/main.tf
variable "stage_name" {
  type = string
}

variable "tracing" {
  type    = bool
  default = true
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id          = "api0123456"
  deployment_id        = "abc123"
  stage_name           = var.stage_name
  xray_tracing_enabled = var.tracing
}
