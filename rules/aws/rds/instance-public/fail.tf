# Publicly accessible: a standalone instance and an Aurora cluster instance.
resource "aws_db_instance" "db" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  storage_encrypted   = true
  publicly_accessible = true # expect
}

resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}

resource "aws_rds_cluster_instance" "events" {
  cluster_identifier  = aws_rds_cluster.events.id
  engine              = "aurora-postgresql"
  instance_class      = "db.r6g.large"
  publicly_accessible = true # expect
}
