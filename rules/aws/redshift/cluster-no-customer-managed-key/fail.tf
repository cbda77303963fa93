# Encrypted (explicitly, or by the service default) without a customer managed key.
resource "aws_redshift_cluster" "warehouse" { # expect
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
}

resource "aws_redshift_cluster" "default" { # expect
  cluster_identifier     = "reporting"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
