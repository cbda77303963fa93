# The engine comes from a variable default (mysql supports IAM authentication).
variable "engine" {
  type    = string
  default = "mysql"
}

resource "aws_db_instance" "db" { # expect
  identifier        = "orders"
  engine            = var.engine
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}
