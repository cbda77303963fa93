# Permissions granting reading the code, and every Lambda action.
resource "aws_lambda_permission" "read_code" {
  statement_id  = "ReadCode"
  function_name = "handler"
  action        = "lambda:GetFunction" # expect
  principal     = "444455556666"
}

resource "aws_lambda_permission" "everything" {
  statement_id  = "Everything"
  function_name = "handler"
  action        = "lambda:*" # expect
  principal     = "events.amazonaws.com"
  source_arn    = "arn:aws:events:eu-west-1:123456789012:rule/nightly"
}
