# The source is the internet in dev, the default environment.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_vpc_security_group_ingress_rule" "jump" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = var.env == "dev" ? "0.0.0.0/0" : "10.20.0.0/16" # expect
}
