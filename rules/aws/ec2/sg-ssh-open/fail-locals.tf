# Port from a local map and source from a variable whose default is the whole internet.
variable "admin_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

locals {
  admin_port = {
    from = 22
    to   = 22
  }
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "bastion"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = local.admin_port.from
    to_port     = local.admin_port.to
    cidr_blocks = [var.admin_cidr]
  }
}
