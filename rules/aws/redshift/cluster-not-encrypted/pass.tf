# Encrypted, left out (the service encrypts new clusters by default; the provider does not send
# false), or unknown before deployment.
variable "encrypt" {
  type = bool
}

resource "aws_redshift_cluster" "encrypted" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_redshift_cluster" "default" {
  cluster_identifier     = "reporting"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
}

resource "aws_redshift_cluster" "from_variable" {
  cluster_identifier     = "scratch"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  encrypted              = var.encrypt
}
