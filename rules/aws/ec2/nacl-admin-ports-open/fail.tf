# Network ACL rules admitting SSH/RDP from anywhere: port 22, every protocol over IPv6, and a
# TCP range that contains 3389.
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "ssh_in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0" # expect
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "all_in_v6" {
  network_acl_id  = aws_network_acl.main.id
  rule_number     = 110
  protocol        = "-1"
  rule_action     = "allow"
  egress          = false
  ipv6_cidr_block = "::/0" # expect
}

resource "aws_network_acl_rule" "range_in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 120
  protocol       = "6"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0" # expect
  from_port      = 1024
  to_port        = 4000
}
