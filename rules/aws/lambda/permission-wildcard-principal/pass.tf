# The calling service named; a principal only known at plan time.
variable "caller" {
  type = string
}

resource "aws_lambda_permission" "from_bucket" {
  statement_id   = "FromBucket"
  function_name  = "handler"
  action         = "lambda:InvokeFunction"
  principal      = "s3.amazonaws.com"
  source_account = "123456789012"
  source_arn     = "arn:aws:s3:::uploads"
}

resource "aws_lambda_permission" "unknown" {
  statement_id   = "Unknown"
  function_name  = "handler"
  action         = "lambda:InvokeFunction"
  principal      = var.caller
  source_account = "123456789012"
}
