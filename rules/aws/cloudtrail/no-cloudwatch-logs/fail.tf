# No CloudWatch Logs delivery; a log group without the role CloudTrail needs to write to it; a role
# without a log group.
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/audit/trail"
  retention_in_days = 365
}

resource "aws_cloudtrail" "trail" { # expect
  name                  = "trail"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "half_done" { # expect
  name                       = "half-done"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
}

resource "aws_cloudtrail" "role_only" { # expect
  name                      = "role-only"
  s3_bucket_name            = "audit-logs"
  cloud_watch_logs_role_arn = "arn:aws:iam::123456789012:role/trail-logs"
}
