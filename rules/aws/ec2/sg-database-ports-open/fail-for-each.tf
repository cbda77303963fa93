# One rule resource per engine with for_each: every instance is a finding on the same line.
locals {
  db_ports = {
    mysql    = 3306
    postgres = 5432
    redis    = 6379
  }
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "databases"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_vpc_security_group_ingress_rule" "db" {
  for_each = local.db_ports

  security_group_id = aws_security_group.db.id
  description       = "${each.key} clients"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = "0.0.0.0/0" # expect
}
