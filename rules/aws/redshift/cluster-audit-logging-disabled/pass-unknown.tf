# Whether the logging resource exists depends on a variable known only at deployment: unknown.
variable "audit_bucket" {
  type = string
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}

resource "aws_redshift_logging" "warehouse" {
  count              = var.audit_bucket == "" ? 0 : 1
  cluster_identifier = aws_redshift_cluster.warehouse.id
  bucket_name        = var.audit_bucket
}
