# The status comes from a variable that defaults to Active.
variable "key_status" {
  type    = string
  default = "Active"
}

resource "aws_iam_access_key" "key" {
  user   = "ci"
  status = var.key_status # expect
}
