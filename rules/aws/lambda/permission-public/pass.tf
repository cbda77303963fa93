# A service restricted by source, "*" within an organisation, a caller only known at plan time.
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

resource "aws_lambda_permission" "org" {
  statement_id     = "Org"
  function_name    = "handler"
  action           = "lambda:InvokeFunction"
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

resource "aws_lambda_permission" "unknown" {
  statement_id  = "Unknown"
  function_name = "handler"
  action        = "lambda:InvokeFunction"
  principal     = var.caller
}
