# An inline ingress block of aws_network_acl allowing everything from anywhere.
resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0" # expect
    from_port  = 0
    to_port    = 0
  }
}
