# No audit logging: neither a logging block nor an aws_redshift_logging resource for the cluster.
resource "aws_redshift_cluster" "warehouse" { # expect
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}
