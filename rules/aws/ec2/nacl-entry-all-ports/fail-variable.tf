# The protocol comes from a variable whose default is -1 (every protocol).
variable "protocol" {
  type    = string
  default = "-1"
}

resource "aws_network_acl_rule" "entry" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = var.protocol # expect
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
}
