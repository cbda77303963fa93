# No kms_key_id: encrypted with CloudWatch Logs service keys only.
resource "aws_cloudwatch_log_group" "app" { # expect
  name              = "/app/api"
  retention_in_days = 365
}
