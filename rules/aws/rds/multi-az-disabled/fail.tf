# Single-AZ: written, left to the default, and a read replica (its own Multi-AZ is off too).
resource "aws_db_instance" "db" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
  multi_az          = false # expect
}

resource "aws_db_instance" "default" { # expect
  identifier        = "billing"
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  allocated_storage = 100
}

resource "aws_db_instance" "replica" { # expect
  identifier          = "billing-replica"
  replicate_source_db = aws_db_instance.default.identifier
  instance_class      = "db.m6g.large"
}
