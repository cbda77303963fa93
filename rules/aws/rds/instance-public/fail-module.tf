# The value reaches the instance through a local module's input: reported on the caller's line.
module "reporting_db" {
  source = "./modules/db"
  name   = "reporting"
  public = true # expect
}
# --- file: modules/db/main.tf
variable "name" {
  type = string
}

variable "public" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  identifier          = var.name
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = var.public
}
