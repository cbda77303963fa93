# The engine's default port, written or left out (instances and an Aurora cluster).
resource "aws_db_instance" "oracle" {
  identifier        = "ledger"
  engine            = "oracle-ee"
  license_model     = "bring-your-own-license"
  instance_class    = "db.m5.large"
  allocated_storage = 100
  port              = 1521 # expect
}

resource "aws_db_instance" "pg" { # expect
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  port               = 3306 # expect
}
