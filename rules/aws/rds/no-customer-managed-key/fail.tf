# Encrypted with the AWS managed key (no kms_key_id): a cluster and an instance.
resource "aws_rds_cluster" "cluster" { # expect
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}

resource "aws_db_instance" "db" { # expect
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
}
