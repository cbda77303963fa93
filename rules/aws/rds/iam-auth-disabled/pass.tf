# Enabled, an unknown engine, engines or versions without IAM authentication, and an Aurora
# member (it takes the cluster's setting).
variable "engine" {
  type = string
}

resource "aws_db_instance" "db" {
  identifier                          = "orders"
  engine                              = "postgres"
  instance_class                      = "db.t4g.micro"
  allocated_storage                   = 20
  iam_database_authentication_enabled = true
}

resource "aws_db_instance" "from_variable" {
  identifier        = "billing"
  engine            = var.engine
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_db_instance" "oracle" {
  identifier        = "ledger"
  engine            = "oracle-ee"
  license_model     = "bring-your-own-license"
  instance_class    = "db.m5.large"
  allocated_storage = 100
}

resource "aws_db_instance" "old_maria" {
  identifier        = "catalog"
  engine            = "mariadb"
  engine_version    = "10.4.30"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier                  = "events"
  engine                              = "aurora-postgresql"
  iam_database_authentication_enabled = true
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.cluster.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
