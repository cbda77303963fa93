# IAM-authenticated URL, and an auth type only known at plan time.
variable "url_auth" {
  type = string
}

resource "aws_lambda_function_url" "iam" {
  function_name      = "arn:aws:lambda:eu-west-1:123456789012:function:internal"
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "unknown" {
  function_name      = "arn:aws:lambda:eu-west-1:123456789012:function:other"
  authorization_type = var.url_auth
}
