# Encrypted only in production; the variable default is development.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse-${var.env}"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = var.env == "prod" # expect
}
