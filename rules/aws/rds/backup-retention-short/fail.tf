# Retention under 7 days, written or left to the 1-day default (instance and cluster).
resource "aws_db_instance" "db" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 3 # expect
}

resource "aws_db_instance" "default" { # expect
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "cluster" { # expect
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}
