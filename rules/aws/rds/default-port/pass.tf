# A non-default port, an unknown port or engine, and an Aurora member (it uses the cluster's port).
variable "db_port" {
  type = number
}

variable "engine" {
  type = string
}

resource "aws_db_instance" "db" {
  identifier        = "orders"
  engine            = "mysql"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  port              = 3307
}

resource "aws_db_instance" "from_variable" {
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  port              = var.db_port
}

resource "aws_db_instance" "unknown_engine" {
  identifier        = "reports"
  engine            = var.engine
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  port               = 15432
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.cluster.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
