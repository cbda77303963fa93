# Encrypted, unknown before deployment, or restored from a snapshot (it keeps the snapshot's
# encryption).
variable "encrypt" {
  type = bool
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  storage_encrypted  = true
  kms_key_arn        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_neptune_cluster" "from_variable" {
  cluster_identifier = "lineage"
  storage_encrypted  = var.encrypt
}

resource "aws_neptune_cluster" "restored" {
  cluster_identifier  = "graph-restored"
  snapshot_identifier = "graph-nightly"
}
