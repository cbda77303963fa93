# No retention_in_days: events never expire.
resource "aws_cloudwatch_log_group" "app" { # expect
  name = "/app/api"
}

resource "aws_cloudwatch_log_group" "bare" {} # expect
