# Not encrypted: left to the default (false) or written, on instances and Aurora clusters.
resource "aws_db_instance" "db" { # expect
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "explicit" {
  identifier        = "billing"
  engine            = "mysql"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = false # expect
}

resource "aws_rds_cluster" "aurora" { # expect
  cluster_identifier          = "events"
  engine                      = "aurora-postgresql"
  master_username             = "events"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "aurora_off" {
  cluster_identifier = "audit"
  engine             = "aurora-mysql"
  storage_encrypted  = false # expect
}
