# A rule resource with several CIDRs written one per line: one entry per CIDR, and the finding
# is on the line of the open one.
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks = [
    "10.0.0.0/8",
    "0.0.0.0/0", # expect
    "192.168.0.0/16",
  ]
}
