# The port is looked up in a local map by engine name; the default engine is MySQL.
variable "engine" {
  type    = string
  default = "mysql"
}

locals {
  engine_ports = {
    mysql    = 3306
    postgres = 5432
  }
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "${var.engine} access"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = local.engine_ports[var.engine]
    to_port     = local.engine_ports[var.engine]
    cidr_blocks = ["0.0.0.0/0"]
  }
}
