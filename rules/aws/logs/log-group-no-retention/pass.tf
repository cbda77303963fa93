# A retention period, or one only known at apply time.
data "aws_ssm_parameter" "retention" {
  name = "/logs/retention-days"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "configurable" {
  name              = "/app/configurable"
  retention_in_days = data.aws_ssm_parameter.retention.value
}
