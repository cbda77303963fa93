# Runtimes past their deprecation date.
resource "aws_lambda_function" "legacy" {
  function_name = "legacy"
  runtime       = "nodejs12.x" # expect
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "legacy.zip"
}

resource "aws_lambda_function" "python" {
  function_name = "python"
  runtime       = "python3.7" # expect
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "python.zip"
}
