# The variable default is fine, but terraform.tfvars (loaded automatically) lowers it.
variable "retention_days" {
  type    = number
  default = 14
}

resource "aws_db_instance" "db" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = var.retention_days # expect
}
# --- file: terraform.tfvars
retention_days = 3
