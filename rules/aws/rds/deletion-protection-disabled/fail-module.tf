# A local module protects its database by default; the caller turns the protection off.
module "orders_db" {
  source              = "./modules/postgres"
  name                = "orders"
  deletion_protection = false # expect
}
# --- file: modules/postgres/main.tf
variable "name" {
  type = string
}

variable "deletion_protection" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  identifier          = var.name
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  deletion_protection = var.deletion_protection
}
