# The retention is looked up in a locals map by environment; the default environment has 0.
variable "env" {
  type    = string
  default = "test"
}

locals {
  retention_days = {
    test = 0
    prod = 14
  }
}

resource "aws_db_instance" "db" {
  identifier              = "orders-${var.env}"
  engine                  = "mariadb"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = local.retention_days[var.env] # expect
}
