# The same role ARN, written once in a local, used by two functions.
locals {
  lambda_role_arn = "arn:aws:iam::123456789012:role/lambda"
}

resource "aws_lambda_function" "a" {
  function_name = "a"
  runtime       = "nodejs20.x"
  handler       = "a.handler"
  role          = local.lambda_role_arn # expect
  filename      = "a.zip"
}

resource "aws_lambda_function" "b" {
  function_name = "b"
  runtime       = "nodejs20.x"
  handler       = "b.handler"
  role          = local.lambda_role_arn # expect
  filename      = "b.zip"
}
