# The variable default is private, but terraform.tfvars (loaded automatically) makes it public.
variable "public" {
  type    = bool
  default = false
}

resource "aws_dms_replication_instance" "migration" {
  replication_instance_id     = "migration"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private-subnets"
  publicly_accessible         = var.public # expect
}
# --- file: terraform.tfvars
public = true
