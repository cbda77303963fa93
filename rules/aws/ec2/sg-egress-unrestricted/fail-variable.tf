# The egress destination comes from a variable whose default is the whole internet.
variable "egress_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = "vpc-0123456789abcdef0"

  egress { # expect
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = [var.egress_cidr]
  }
}
