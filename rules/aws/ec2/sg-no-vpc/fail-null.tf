# vpc_id set from a variable whose default is null: a null argument is an omitted argument.
variable "vpc_id" {
  type    = string
  default = null
}

resource "aws_security_group" "app" { # expect
  name        = "app"
  description = "app"
  vpc_id      = var.vpc_id
}
