# Active tracing, and a mode only known at plan time.
variable "tracing_mode" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  tracing_config {
    mode = "Active"
  }
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  tracing_config {
    mode = var.tracing_mode
  }
}
