# Log file validation left out (defaults to off) or turned off.
resource "aws_cloudtrail" "trail" { # expect
  name                  = "trail"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "no_validation" {
  name                       = "no-validation"
  s3_bucket_name             = "audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = false # expect
}
