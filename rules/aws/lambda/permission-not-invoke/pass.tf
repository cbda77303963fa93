# Invoke and InvokeFunctionUrl (any case), and an action only known at plan time.
variable "action" {
  type = string
}

resource "aws_lambda_permission" "invoke" {
  statement_id  = "Invoke"
  function_name = "handler"
  action        = "lambda:InvokeFunction"
  principal     = "events.amazonaws.com"
  source_arn    = "arn:aws:events:eu-west-1:123456789012:rule/nightly"
}

resource "aws_lambda_permission" "url" {
  statement_id           = "Url"
  function_name          = "handler"
  action                 = "lambda:invokeFunctionUrl"
  principal              = "444455556666"
  function_url_auth_type = "AWS_IAM"
}

resource "aws_lambda_permission" "unknown" {
  statement_id  = "Unknown"
  function_name = "handler"
  action        = var.action
  principal     = "events.amazonaws.com"
}
