# The port comes from a variable default that is the PostgreSQL default.
variable "db_port" {
  type    = number
  default = 5432
}

resource "aws_db_instance" "db" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  port              = var.db_port # expect
}
