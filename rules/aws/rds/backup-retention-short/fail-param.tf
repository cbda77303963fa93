# The retention comes from a variable default.
variable "retention_days" {
  type    = number
  default = 5
}

resource "aws_rds_cluster" "cluster" {
  cluster_identifier      = "events"
  engine                  = "aurora-mysql"
  backup_retention_period = var.retention_days # expect
}
