# Deletion protection left to its default (false) on an instance, switched off on a cluster.
resource "aws_db_instance" "db" { # expect
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier  = "events"
  engine              = "aurora-postgresql"
  deletion_protection = false # expect
}
