# Private, unknown before deployment, or left out: unlike CloudFormation (default true), the AWS
# provider sends publicly_accessible = false when it is left out.
variable "public" {
  type = bool
}

resource "aws_dms_replication_instance" "migration" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
  publicly_accessible        = false
}

resource "aws_dms_replication_instance" "from_variable" {
  replication_instance_id    = "migration-2"
  replication_instance_class = "dms.t3.medium"
  publicly_accessible        = var.public
}

resource "aws_dms_replication_instance" "default" {
  replication_instance_id     = "migration-3"
  replication_instance_class  = "dms.t3.medium"
  replication_subnet_group_id = "private-subnets"
}
