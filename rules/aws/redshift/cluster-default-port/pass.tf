# A non-default port, or one known only at deployment.
variable "port" {
  type = number
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  port                   = 15439
}

resource "aws_redshift_cluster" "from_variable" {
  cluster_identifier     = "reporting"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  port                   = var.port
}
