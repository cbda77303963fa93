# Allow rules covering every protocol, every TCP port, a UDP rule without ports, and a TCP
# rule with only a lower bound.
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "all_out" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "-1" # expect
  egress         = true
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "all_tcp_from_vpc" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
  from_port      = 0 # expect
  to_port        = 65535
}

resource "aws_network_acl_rule" "udp_no_range" { # expect
  network_acl_id = aws_network_acl.main.id
  rule_number    = 120
  protocol       = "udp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
}

resource "aws_network_acl_rule" "half_range" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 130
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
  from_port      = 22 # expect
}
