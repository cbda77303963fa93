# RDP reachable from the IPv6 internet through an inline block (the finding is on the group's
# first ingress block) and through a split rule whose port range contains 3389.
resource "aws_security_group" "windows" {
  name        = "windows"
  description = "windows hosts"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol         = "tcp"
    from_port        = 3389
    to_port          = 3389
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "range" {
  type              = "ingress"
  security_group_id = aws_security_group.windows.id
  protocol          = "tcp"
  from_port         = 3000
  to_port           = 4000
  cidr_blocks       = ["0.0.0.0/0"] # expect
}
