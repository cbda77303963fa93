# Single-region trails: left out (defaults to false) or explicit.
resource "aws_cloudtrail" "regional" { # expect
  name                       = "regional"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "explicitly_regional" {
  name                  = "explicitly-regional"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = false # expect
}
