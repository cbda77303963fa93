# Private, or unknown before deployment. (Left out is public with provider v5: fail-default.tf.)
variable "public" {
  type = bool
}

resource "aws_redshift_cluster" "private" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}

resource "aws_redshift_cluster" "from_variable" {
  cluster_identifier     = "reporting"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = var.public
}
