# A function URL open to anyone.
resource "aws_lambda_function_url" "webhook" {
  function_name      = "arn:aws:lambda:eu-west-1:123456789012:function:webhook"
  authorization_type = "NONE" # expect
}
