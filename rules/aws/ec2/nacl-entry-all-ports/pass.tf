# Specific ports, the ephemeral range (not every port), ICMP, and a deny-all rule.
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

resource "aws_network_acl_rule" "ephemeral" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 1024
  to_port        = 65535
}

resource "aws_network_acl_rule" "ping" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 120
  protocol       = "icmp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
  icmp_type      = 8
  icmp_code      = -1
}

resource "aws_network_acl_rule" "deny_all" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 200
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}
