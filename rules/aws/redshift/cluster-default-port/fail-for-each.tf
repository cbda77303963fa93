# One cluster per team (for_each), none with a port: one finding per cluster, on the resource line.
resource "aws_redshift_cluster" "team" { # expect
  for_each               = toset(["finance", "marketing"])
  cluster_identifier     = "warehouse-${each.key}"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
