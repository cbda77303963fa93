# One rule per source with count: only the instance for 0.0.0.0/0 is a finding, on the line
# of cidr_blocks.
variable "ssh_sources" {
  type    = list(string)
  default = ["10.0.0.0/8", "0.0.0.0/0"]
}

resource "aws_security_group_rule" "ssh" {
  count             = length(var.ssh_sources)
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = [var.ssh_sources[count.index]] # expect
}
