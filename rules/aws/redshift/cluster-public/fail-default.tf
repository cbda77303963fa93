# Left out: AWS provider v5 defaults publicly_accessible to true and sends it (v6 defaults to
# false). CloudFormation's default is false, so here Terraform and CloudFormation differ.
resource "aws_redshift_cluster" "warehouse" { # expect
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}
