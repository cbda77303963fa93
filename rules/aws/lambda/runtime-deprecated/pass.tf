# A current runtime, a container image (no runtime), a custom runtime, and one only known at
# plan time.
variable "runtime" {
  type = string
}

resource "aws_lambda_function" "current" {
  function_name = "current"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "current.zip"
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:1"
  role          = "arn:aws:iam::123456789012:role/worker"
}

resource "aws_lambda_function" "custom" {
  function_name = "custom"
  runtime       = "provided.al2023"
  handler       = "bootstrap"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "custom.zip"
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  runtime       = var.runtime
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "unknown.zip"
}
