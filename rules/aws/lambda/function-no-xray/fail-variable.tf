# The tracing mode comes from a variable whose default is PassThrough.
variable "tracing_mode" {
  type    = string
  default = "PassThrough"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  tracing_config {
    mode = var.tracing_mode # expect
  }
}
