# Not encrypted: left to the default (false) or written.
resource "aws_neptune_cluster" "graph" { # expect
  cluster_identifier = "graph"
  engine_version     = "1.3.1.0"
}

resource "aws_neptune_cluster" "explicit" {
  cluster_identifier = "lineage"
  storage_encrypted  = false # expect
}
