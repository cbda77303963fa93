# Aurora instances (count = 2) with the setting taken from a variable default: each instance is
# reported, on the same line. (aws_rds_cluster has no auto_minor_version_upgrade in provider v5.)
variable "auto_upgrade" {
  type    = bool
  default = false
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
}

resource "aws_rds_cluster_instance" "member" {
  count                      = 2
  identifier                 = "orders-${count.index}"
  cluster_identifier         = aws_rds_cluster.orders.id
  engine                     = aws_rds_cluster.orders.engine
  instance_class             = "db.r6g.large"
  auto_minor_version_upgrade = var.auto_upgrade # expect
}
