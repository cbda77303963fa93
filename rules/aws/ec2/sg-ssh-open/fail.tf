# SSH reachable from anywhere: an inline port range containing 22 over IPv6 (the finding is on
# the group's first ingress block), a rule for every protocol, and an IPv6 rule for port 22.
resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol         = "tcp"
    from_port        = 0
    to_port          = 1024
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "extra" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"] # expect
}

resource "aws_vpc_security_group_ingress_rule" "extra_v6" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "::/0" # expect
}
