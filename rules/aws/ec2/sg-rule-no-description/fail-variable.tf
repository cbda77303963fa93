# The rule's description comes from a variable whose default is empty.
variable "note" {
  type    = string
  default = ""
}

resource "aws_security_group_rule" "extra" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/8"]
  description       = var.note # expect
}
