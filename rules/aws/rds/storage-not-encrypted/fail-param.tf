# Encryption comes from a variable whose default is false.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_db_instance" "db" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = var.encrypt # expect
}
