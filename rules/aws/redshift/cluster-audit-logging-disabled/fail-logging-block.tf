# The deprecated inline logging block, present but disabled.
resource "aws_redshift_cluster" "warehouse" { # expect
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false

  logging {
    enable = false
  }
}
