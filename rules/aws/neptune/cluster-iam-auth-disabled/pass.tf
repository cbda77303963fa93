# Enabled, or unknown before deployment.
variable "iam" {
  type = bool
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}

resource "aws_neptune_cluster" "from_variable" {
  cluster_identifier                  = "lineage"
  storage_encrypted                   = true
  iam_database_authentication_enabled = var.iam
}
