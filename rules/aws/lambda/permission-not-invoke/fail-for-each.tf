# One permission block per account, all granting GetFunction: one marker for every instance.
variable "reader_accounts" {
  type    = set(string)
  default = ["444455556666", "777788889999"]
}

resource "aws_lambda_permission" "readers" {
  for_each = var.reader_accounts

  statement_id  = "Read-${each.key}"
  function_name = "handler"
  action        = "lambda:GetFunction" # expect
  principal     = each.key
}
