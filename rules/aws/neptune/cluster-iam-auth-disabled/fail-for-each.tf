# One cluster per graph (for_each), none with IAM authentication: one finding per cluster, on the
# resource line.
resource "aws_neptune_cluster" "graph" { # expect
  for_each           = toset(["identity", "fraud"])
  cluster_identifier = "graph-${each.key}"
  storage_encrypted  = true
}
