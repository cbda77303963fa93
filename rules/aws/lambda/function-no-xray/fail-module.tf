# Two calls of a local module: the one passing PassThrough is reported at its argument.
module "ingest" {
  source  = "./modules/function"
  name    = "ingest"
  tracing = "PassThrough" # expect
}

module "report" {
  source = "./modules/function"
  name   = "report"
}
# --- file: modules/function/main.tf
variable "name" {
  type = string
}

variable "tracing" {
  type    = string
  default = "Active"
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/${var.name}"
  filename      = "${var.name}.zip"

  tracing_config {
    mode = var.tracing
  }
}
