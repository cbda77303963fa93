# Environment variables without kms_key_arn: encrypted with the AWS managed key.
resource "aws_lambda_function" "worker" { # expect
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  environment {
    variables = {
      TABLE = "orders"
    }
  }
}
