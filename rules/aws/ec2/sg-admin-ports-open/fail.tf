# SMB, FTP and the Docker API open to the internet: an inline ingress block (the finding is on
# the group's first ingress block), a split rule and a VPC ingress rule resource.
resource "aws_security_group" "legacy" {
  name        = "legacy"
  description = "legacy file server"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 445
    to_port     = 445
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "ftp" {
  type              = "ingress"
  security_group_id = aws_security_group.legacy.id
  protocol          = "tcp"
  from_port         = 20
  to_port           = 21
  cidr_blocks       = ["0.0.0.0/0"] # expect
}

resource "aws_vpc_security_group_ingress_rule" "docker" {
  security_group_id = aws_security_group.legacy.id
  ip_protocol       = "tcp"
  from_port         = 2375
  to_port           = 2376
  cidr_ipv6         = "::/0" # expect
}
