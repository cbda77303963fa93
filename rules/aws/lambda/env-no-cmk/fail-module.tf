# A module whose kms_key_arn input defaults to null (argument absent): the function in the
# module has no customer managed key.
module "worker" {
  source    = "./modules/function"
  name      = "worker"
  variables = { TABLE = "orders" }
}
# --- file: modules/function/main.tf
variable "name" {
  type = string
}

variable "variables" {
  type    = map(string)
  default = {}
}

variable "kms_key_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "this" { # expect
  function_name = var.name
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/${var.name}"
  filename      = "${var.name}.zip"
  kms_key_arn   = var.kms_key_arn

  environment {
    variables = var.variables
  }
}
