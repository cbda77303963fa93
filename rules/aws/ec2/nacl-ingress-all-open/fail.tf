# Inbound allow rules for every protocol, or every TCP port, from anywhere (IPv4 and IPv6).
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "all_in" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0" # expect
}

resource "aws_network_acl_rule" "all_tcp_v6" {
  network_acl_id  = aws_network_acl.main.id
  rule_number     = 110
  protocol        = "tcp"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0" # expect
  from_port       = 0
  to_port         = 65535
}
