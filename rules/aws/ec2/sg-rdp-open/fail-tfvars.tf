# Admin ranges without a default, set to the internet in an auto-loaded .auto.tfvars file.
variable "admin_cidrs" {
  type = list(string)
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = var.admin_cidrs # expect
}

# --- file: admin.auto.tfvars
admin_cidrs = ["0.0.0.0/0"]
