# A key of this configuration, a key ARN known only at deployment, and an unencrypted cluster
# (AWS-RS-002, not this rule).
variable "key_arn" {
  type = string
}

resource "aws_kms_key" "warehouse" {
  description         = "warehouse"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = aws_kms_key.warehouse.arn
}

resource "aws_redshift_cluster" "from_variable" {
  cluster_identifier     = "reporting"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = var.key_arn
}

resource "aws_redshift_cluster" "unencrypted" {
  cluster_identifier     = "scratch"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = false
}
