# Rules attached to the VPC's default security group through the VPC's
# `default_security_group_id` attribute.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group_rule" "default_https" {
  type              = "ingress"
  security_group_id = aws_vpc.main.default_security_group_id # expect
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/16"]
}

resource "aws_vpc_security_group_egress_rule" "default_out" {
  security_group_id = aws_vpc.main.default_security_group_id # expect
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
