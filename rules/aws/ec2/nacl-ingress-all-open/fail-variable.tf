# The source range comes from a variable whose default is the whole internet.
variable "inbound_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "all_in" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = var.inbound_cidr # expect
}
