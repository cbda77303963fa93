# The usual "allow all egress" written as a split aws_security_group_rule, IPv6 only.
resource "aws_security_group" "worker" {
  name        = "worker"
  description = "worker"
  vpc_id      = "vpc-0123456789abcdef0"
}

resource "aws_security_group_rule" "all_out_v6" {
  type              = "egress"
  security_group_id = aws_security_group.worker.id
  protocol          = "all"
  from_port         = 0
  to_port           = 0
  ipv6_cidr_blocks  = ["::/0"] # expect
}
