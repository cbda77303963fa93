# retention_in_days = 0 is the provider's way of saying "never expire": no retention period.
resource "aws_cloudwatch_log_group" "app" { # expect
  name              = "/app/api"
  retention_in_days = 0
}
