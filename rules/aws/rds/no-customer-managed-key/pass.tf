# A key of this configuration, a key ARN known only at deployment, an Aurora member, and a
# replica (it uses its source's key).
variable "key_arn" {
  type = string
}

resource "aws_kms_key" "db" {
  description         = "database"
  enable_key_rotation = true
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.db.arn
}

resource "aws_db_instance" "db" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
  kms_key_id        = var.key_arn
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.cluster.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

resource "aws_db_instance" "replica" {
  identifier          = "orders-replica"
  replicate_source_db = aws_db_instance.db.identifier
  instance_class      = "db.t4g.micro"
  storage_encrypted   = true
}
