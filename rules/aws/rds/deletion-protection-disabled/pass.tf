# Protected, unknown before deployment, and an Aurora member (protected through its cluster).
variable "protect" {
  type = bool
}

resource "aws_db_instance" "db" {
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  deletion_protection = true
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier  = "events"
  engine              = "aurora-postgresql"
  deletion_protection = var.protect
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.cluster.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
