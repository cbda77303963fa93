# Protected only in production; the variable default is another environment.
variable "env" {
  type    = string
  default = "staging"
}

resource "aws_db_instance" "db" {
  identifier          = "orders-${var.env}"
  engine              = "mysql"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  deletion_protection = var.env == "prod" ? true : false # expect
}
