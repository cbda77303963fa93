# The split aws_redshift_logging resource exists only when a bucket is given (count); the default
# is no bucket, so the cluster has no logging.
variable "audit_bucket" {
  type    = string
  default = ""
}

resource "aws_redshift_cluster" "warehouse" { # expect
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}

resource "aws_redshift_logging" "warehouse" {
  count                = var.audit_bucket == "" ? 0 : 1
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "s3"
  bucket_name          = var.audit_bucket
  s3_key_prefix        = "redshift/"
}
