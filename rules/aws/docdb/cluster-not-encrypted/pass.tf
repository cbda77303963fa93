# Encrypted, unknown before deployment, restored from a snapshot or to a point in time (the
# source's encryption is kept), and an elastic cluster (always encrypted; another kind).
variable "encrypt" {
  type = bool
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_docdb_cluster" "from_variable" {
  cluster_identifier = "archive"
  storage_encrypted  = var.encrypt
}

resource "aws_docdb_cluster" "restored" {
  cluster_identifier  = "catalog-restored"
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:catalog-nightly"
}

resource "aws_docdb_cluster" "point_in_time" {
  cluster_identifier = "catalog-pitr"

  restore_to_point_in_time {
    source_cluster_identifier  = aws_docdb_cluster.catalog.id
    use_latest_restorable_time = true
  }
}

resource "aws_docdbelastic_cluster" "elastic" {
  name                = "elastic"
  admin_user_name     = "elastic"
  admin_user_password = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:elastic-admin"
  auth_type           = "SECRET_ARN"
  shard_capacity      = 2
  shard_count         = 2
}
