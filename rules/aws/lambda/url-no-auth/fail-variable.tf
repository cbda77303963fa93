# The URL auth type comes from a variable whose default is NONE.
variable "url_auth" {
  type    = string
  default = "NONE"
}

resource "aws_lambda_function" "webhook" {
  function_name = "webhook"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/webhook"
  filename      = "webhook.zip"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = var.url_auth # expect
}
