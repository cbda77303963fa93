# An inline catch-all egress block (the finding is on the group's first egress block), and a
# rule resource opening every TCP port to the IPv6 internet.
resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = "vpc-0123456789abcdef0"

  egress { # expect
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_egress_rule" "any_v6" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv6         = "::/0" # expect
}
