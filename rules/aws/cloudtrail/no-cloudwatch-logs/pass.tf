# Log group and role both set: the log group of the configuration, or one only known at apply time.
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/audit/trail"
  retention_in_days = 365
}

data "aws_cloudwatch_log_group" "shared" {
  name = "/audit/shared"
}

resource "aws_cloudtrail" "trail" {
  name                       = "trail"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail-logs"
}

resource "aws_cloudtrail" "imported" {
  name                       = "imported"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${data.aws_cloudwatch_log_group.shared.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail-logs"
}
