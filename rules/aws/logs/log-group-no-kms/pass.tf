# A key of the configuration, or one only known at apply time.
resource "aws_kms_key" "logs" {
  description         = "logs"
  enable_key_rotation = true
}

data "aws_kms_key" "shared" {
  key_id = "alias/shared-logs"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_log_group" "shared" {
  name              = "/app/shared"
  retention_in_days = 365
  kms_key_id        = data.aws_kms_key.shared.arn
}
