# Logging to S3 and to CloudWatch through aws_redshift_logging, and through the deprecated
# inline logging block.
variable "audit_bucket" {
  type = string
}

resource "aws_redshift_cluster" "to_s3" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}

resource "aws_redshift_logging" "to_s3" {
  cluster_identifier   = aws_redshift_cluster.to_s3.id
  log_destination_type = "s3"
  bucket_name          = var.audit_bucket
  s3_key_prefix        = "redshift/"
}

resource "aws_redshift_cluster" "to_cloudwatch" {
  cluster_identifier     = "reporting"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false
}

resource "aws_redshift_logging" "to_cloudwatch" {
  cluster_identifier   = aws_redshift_cluster.to_cloudwatch.cluster_identifier
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

resource "aws_redshift_cluster" "inline" {
  cluster_identifier     = "archive"
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  master_username        = "admin"
  manage_master_password = true
  publicly_accessible    = false

  logging {
    enable        = true
    bucket_name   = "audit-logs"
    s3_key_prefix = "redshift/"
  }
}
