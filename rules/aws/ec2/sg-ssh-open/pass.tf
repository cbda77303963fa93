# SSH from a private range, from a range known only at apply time, from a security group and
# from a prefix list; HTTPS and ICMP from anywhere.
data "aws_vpc" "admin" {
  tags = {
    Name = "admin"
  }
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = [data.aws_vpc.admin.cidr_block]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol    = "icmp"
    from_port   = -1
    to_port     = -1
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol        = "tcp"
    from_port       = 22
    to_port         = 22
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_prefix_list" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  prefix_list_id    = "pl-0123456789abcdef0"
}
