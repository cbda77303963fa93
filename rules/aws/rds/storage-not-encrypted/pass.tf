# Encrypted, unknown, or encryption inherited (replica, snapshot, point-in-time restore, cluster
# member) or implied (Aurora Serverless v1).
variable "encrypt" {
  type = bool
}

resource "aws_kms_key" "db" {
  description         = "database"
  enable_key_rotation = true
}

resource "aws_db_instance" "db" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}

resource "aws_db_instance" "from_variable" {
  identifier        = "billing"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = var.encrypt
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.db.identifier
  instance_class      = "db.t4g.micro"
}

resource "aws_db_instance" "restored" {
  identifier          = "orders-restored"
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:snapshot:nightly"
  instance_class      = "db.t4g.micro"
}

resource "aws_db_instance" "point_in_time" {
  identifier     = "orders-pitr"
  instance_class = "db.t4g.micro"

  restore_to_point_in_time {
    source_db_instance_identifier = aws_db_instance.db.identifier
    use_latest_restorable_time    = true
  }
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  storage_encrypted  = true
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.cluster.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster" "clone" {
  cluster_identifier = "events-clone"
  engine             = "aurora-mysql"

  restore_to_point_in_time {
    source_cluster_identifier  = aws_rds_cluster.cluster.id
    restore_type               = "copy-on-write"
    use_latest_restorable_time = true
  }
}

resource "aws_rds_cluster" "serverless_v1" {
  cluster_identifier = "sessions"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}
