# HTTPS to anywhere, everything to a private range, to a range known only at apply time, to
# the group itself, ICMPv6 to anywhere, and a group without egress blocks (Terraform then
# removes AWS's default allow-all rule).
data "aws_vpc" "egress" {
  tags = {
    Name = "egress"
  }
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = "vpc-0123456789abcdef0"

  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["10.0.0.0/8", data.aws_vpc.egress.cidr_block]
  }
}

resource "aws_vpc_security_group_egress_rule" "to_peers" {
  security_group_id            = aws_security_group.app.id
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_egress_rule" "ping_out" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "icmpv6"
  from_port         = -1
  to_port           = -1
  cidr_ipv6         = "::/0"
}

resource "aws_security_group" "closed" {
  name        = "closed"
  description = "no outbound traffic"
  vpc_id      = "vpc-0123456789abcdef0"
}
