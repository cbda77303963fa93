# Validation on, or only known at apply time.
data "aws_ssm_parameter" "validate" {
  name = "/audit/validate"
}

resource "aws_cloudtrail" "trail" {
  name                       = "trail"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "unknown" {
  name                       = "unknown"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = data.aws_ssm_parameter.validate.value
}
