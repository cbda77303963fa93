# The variable default encrypts, but an auto-loaded .auto.tfvars file turns it off.
variable "encrypt" {
  type    = bool
  default = true
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  storage_encrypted  = var.encrypt # expect
}
# --- file: legacy.auto.tfvars
encrypt = false
