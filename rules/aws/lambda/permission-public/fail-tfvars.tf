# A safe default overridden in terraform.tfvars.
variable "caller" {
  type    = string
  default = "events.amazonaws.com"
}

resource "aws_lambda_permission" "caller" {
  statement_id  = "Caller"
  function_name = "handler"
  action        = "lambda:InvokeFunction"
  principal     = var.caller # expect
}
# --- file: terraform.tfvars
caller = "*"
