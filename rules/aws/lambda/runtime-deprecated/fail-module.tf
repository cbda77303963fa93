# A module input sets a deprecated runtime: the finding points at the module call's argument.
module "legacy" {
  source  = "./modules/function"
  name    = "legacy"
  runtime = "python3.8" # expect
}

module "current" {
  source = "./modules/function"
  name   = "current"
}
# --- file: modules/function/main.tf
variable "name" {
  type = string
}

variable "runtime" {
  type    = string
  default = "python3.12"
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  runtime       = var.runtime
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/${var.name}"
  filename      = "${var.name}.zip"
}
