# The caller comes from a variable whose default is "*".
variable "caller" {
  type    = string
  default = "*"
}

resource "aws_lambda_permission" "caller" {
  statement_id  = "Caller"
  function_name = "arn:aws:lambda:eu-west-1:123456789012:function:handler"
  action        = "lambda:InvokeFunction"
  principal     = var.caller # expect
}
