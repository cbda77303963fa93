# Redis over IPv6, MongoDB and Elasticsearch open to the internet. The group's finding is on its
# first ingress block (its ingress list).
resource "aws_security_group" "data" {
  name        = "data"
  description = "data tier"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    protocol         = "tcp"
    from_port        = 6379
    to_port          = 6379
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "mongo" {
  type              = "ingress"
  security_group_id = aws_security_group.data.id
  protocol          = "tcp"
  from_port         = 27000
  to_port           = 28000
  cidr_blocks       = ["0.0.0.0/0"] # expect
}

resource "aws_vpc_security_group_ingress_rule" "search" {
  security_group_id = aws_security_group.data.id
  ip_protocol       = "6"
  from_port         = 9200
  to_port           = 9200
  cidr_ipv6         = "::/0" # expect
}
