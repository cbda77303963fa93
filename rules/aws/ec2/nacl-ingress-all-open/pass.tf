# The ephemeral range from anywhere, everything from the VPC, everything outbound, a deny-all
# rule, and everything from a range looked up with a data source (not known here).
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "ephemeral" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 1024
  to_port        = 65535
}

resource "aws_network_acl_rule" "all_from_vpc" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 110
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
}

resource "aws_network_acl_rule" "all_out" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "deny_all" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 200
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}

data "aws_vpc" "peer" {
  tags = {
    Name = "peer"
  }
}

resource "aws_network_acl_rule" "all_from_peer" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 120
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = data.aws_vpc.peer.cidr_block
}
