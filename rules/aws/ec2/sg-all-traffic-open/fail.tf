# Every protocol, or every port, from anywhere: each open entry is its own finding, on its
# CIDR attribute.
resource "aws_security_group" "open" {
  name        = "open"
  description = "wide open"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"] # expect
  }

  ingress {
    protocol         = "tcp"
    from_port        = 0
    to_port          = 65535
    ipv6_cidr_blocks = ["::/0"] # expect
  }

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "all_udp" {
  type              = "ingress"
  security_group_id = aws_security_group.open.id
  protocol          = "udp"
  from_port         = 1
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"] # expect
}
