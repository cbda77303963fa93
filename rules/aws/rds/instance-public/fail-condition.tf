# Public in development only; the variable default is development.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_db_instance" "db" {
  identifier          = "orders-${var.env}"
  engine              = "mysql"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = var.env == "dev" # expect
}
