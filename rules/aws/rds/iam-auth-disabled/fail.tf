# IAM authentication left off on engines that support it.
resource "aws_db_instance" "db" { # expect
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier                  = "events"
  engine                              = "aurora-mysql"
  iam_database_authentication_enabled = false # expect
}

resource "aws_db_instance" "maria" { # expect
  identifier        = "catalog"
  engine            = "mariadb"
  engine_version    = "10.11.5"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}
