# Left to the default (true), set to true, or unknown before deployment.
variable "auto_upgrade" {
  type = bool
}

resource "aws_db_instance" "default" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "explicit" {
  identifier                 = "billing"
  engine                     = "postgres"
  instance_class             = "db.t4g.micro"
  allocated_storage          = 20
  auto_minor_version_upgrade = true
}

resource "aws_db_instance" "from_variable" {
  identifier                 = "reports"
  engine                     = "postgres"
  instance_class             = "db.t4g.micro"
  allocated_storage          = 20
  auto_minor_version_upgrade = var.auto_upgrade
}
