# Inline entries of aws_network_acl: protocol "all" is -1, and a TCP entry from 0 to 65535.
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0123456789abcdef0"

  egress {
    rule_no    = 100
    protocol   = "all" # expect
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.0.0.0/16"
    from_port  = 0 # expect
    to_port    = 65535
  }

  ingress {
    rule_no    = 110
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}
