# A positive retention, the default (1 day), an unknown value, and a read replica with 0
# (the source is backed up).
variable "days" {
  type = number
}

resource "aws_db_instance" "db" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 7
}

resource "aws_db_instance" "default" {
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "from_variable" {
  identifier              = "reports"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = var.days
}

resource "aws_db_instance" "replica" {
  identifier              = "orders-replica"
  replicate_source_db     = aws_db_instance.db.identifier
  instance_class          = "db.t4g.micro"
  backup_retention_period = 0
}
