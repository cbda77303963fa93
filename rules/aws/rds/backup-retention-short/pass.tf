# 7 days or more, unknown, a cluster member, a read replica left without a value, or backups
# off (AWS-RDS-003, not this rule).
variable "retention_days" {
  type = number
}

resource "aws_db_instance" "db" {
  identifier              = "orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 7
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier      = "events"
  engine                  = "aurora-mysql"
  backup_retention_period = var.retention_days
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.cluster.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.db.identifier
  instance_class      = "db.t4g.micro"
}

resource "aws_db_instance" "off" {
  identifier              = "scratch"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  backup_retention_period = 0
}
