# HTTPS from anywhere, a deny rule for SSH, egress to anywhere, SSH from an office range, and
# SSH from a range looked up with a data source (not known here).
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "https_in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}

resource "aws_network_acl_rule" "ssh_deny" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 90
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "all_out" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "ssh_from_office" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "203.0.113.0/24"
  from_port      = 22
  to_port        = 22
}

data "aws_vpc" "admin" {
  tags = {
    Name = "admin"
  }
}

resource "aws_network_acl_rule" "ssh_from_lookup" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 120
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = data.aws_vpc.admin.cidr_block
  from_port      = 22
  to_port        = 22
}
