# enable_logging left out (the provider defaults it to true), set to true, or only known at apply time.
data "aws_ssm_parameter" "logging" {
  name = "/audit/logging"
}

resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "trail" {
  name           = "trail"
  s3_bucket_name = "audit-logs"
  enable_logging = true
}

resource "aws_cloudtrail" "unknown" {
  name           = "unknown"
  s3_bucket_name = "audit-logs"
  enable_logging = data.aws_ssm_parameter.logging.value
}
