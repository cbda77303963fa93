# A customer managed key, a function without variables, and a key ARN only known at plan time.
variable "key_arn" {
  type = string
}

resource "aws_kms_key" "function" {
  enable_key_rotation = true
}

resource "aws_lambda_function" "encrypted" {
  function_name = "encrypted"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
  kms_key_arn   = aws_kms_key.function.arn

  environment {
    variables = {
      TABLE = "orders"
    }
  }
}

resource "aws_lambda_function" "no_variables" {
  function_name = "no-variables"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_lambda_function" "empty_environment" {
  function_name = "empty-environment"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  environment {
    variables = {}
  }
}

resource "aws_lambda_function" "parameter_key" {
  function_name = "parameter-key"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
  kms_key_arn   = var.key_arn

  environment {
    variables = {
      BUCKET = "reports"
    }
  }
}
