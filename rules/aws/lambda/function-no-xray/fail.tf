# No tracing_config (PassThrough by default), and an explicit PassThrough.
resource "aws_lambda_function" "worker" { # expect
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_lambda_function" "pass_through" {
  function_name = "pass-through"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  tracing_config {
    mode = "PassThrough" # expect
  }
}
