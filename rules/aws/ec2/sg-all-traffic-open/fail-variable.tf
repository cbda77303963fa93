# Protocol and source from variables whose defaults are "every protocol" and "the whole IPv6
# internet".
variable "protocol" {
  type    = string
  default = "-1"
}

variable "source_cidr" {
  type    = string
  default = "::/0"
}

resource "aws_vpc_security_group_ingress_rule" "everything" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = var.protocol
  cidr_ipv6         = var.source_cidr # expect
}
