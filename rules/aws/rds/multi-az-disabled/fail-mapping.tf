# Sizing per environment in locals; production is single-AZ by mistake.
variable "env" {
  type    = string
  default = "prod"
}

locals {
  sizing = {
    prod = { class = "db.m6g.large", multi_az = false }
    dev  = { class = "db.t4g.micro", multi_az = false }
  }
}

resource "aws_db_instance" "db" {
  identifier        = "orders-${var.env}"
  engine            = "postgres"
  instance_class    = local.sizing[var.env].class
  allocated_storage = 100
  multi_az          = local.sizing[var.env].multi_az # expect
}
