# Private, unknown before deployment, or left out (the provider sends false).
variable "public" {
  type = bool
}

resource "aws_db_instance" "private" {
  identifier           = "orders"
  engine               = "postgres"
  instance_class       = "db.t4g.micro"
  allocated_storage    = 20
  publicly_accessible  = false
  db_subnet_group_name = "private-subnets"
}

resource "aws_db_instance" "from_variable" {
  identifier          = "billing"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  allocated_storage   = 20
  publicly_accessible = var.public
}

resource "aws_db_instance" "unset" {
  identifier           = "reports"
  engine               = "postgres"
  instance_class       = "db.t4g.micro"
  allocated_storage    = 20
  db_subnet_group_name = "private-subnets"
}

resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "events" {
  cluster_identifier = aws_rds_cluster.events.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
