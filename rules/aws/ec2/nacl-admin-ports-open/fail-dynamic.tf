# The VPC's default network ACL given one inbound rule per admin port by a dynamic block: both
# generated entries are findings on the same line.
variable "admin_ports" {
  type    = list(number)
  default = [22, 3389]
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id

  dynamic "ingress" {
    for_each = var.admin_ports

    content {
      rule_no    = 100 + ingress.key
      protocol   = "tcp"
      action     = "allow"
      cidr_block = "0.0.0.0/0" # expect
      from_port  = ingress.value
      to_port    = ingress.value
    }
  }
}
