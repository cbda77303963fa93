# A CIDR built by string interpolation from a variable: 0.0.0.0/0 with the default.
variable "prefix_length" {
  type    = string
  default = "0"
}

resource "aws_vpc_security_group_ingress_rule" "vnc" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "remote desktop"
  ip_protocol       = "tcp"
  from_port         = 5900
  to_port           = 5900
  cidr_ipv4         = "0.0.0.0/${var.prefix_length}" # expect
}
