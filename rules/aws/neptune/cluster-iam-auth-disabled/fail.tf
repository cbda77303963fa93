# IAM authentication left out (default false) or switched off.
resource "aws_neptune_cluster" "graph" { # expect
  cluster_identifier = "graph"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "explicit" {
  cluster_identifier                  = "lineage"
  storage_encrypted                   = true
  iam_database_authentication_enabled = false # expect
}
