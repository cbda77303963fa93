# Invoke and function URL permissions for "*" with no source or organisation condition.
resource "aws_lambda_function" "handler" {
  function_name = "handler"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/handler"
  filename      = "handler.zip"
}

resource "aws_lambda_permission" "everyone" {
  statement_id  = "Everyone"
  function_name = aws_lambda_function.handler.function_name
  action        = "lambda:InvokeFunction"
  principal     = "*" # expect
}

resource "aws_lambda_permission" "public_url" {
  statement_id           = "PublicUrl"
  function_name          = aws_lambda_function.handler.function_name
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*" # expect
  function_url_auth_type = "NONE"
}
