# No kms_key_id: logs are encrypted with SSE-S3 only.
resource "aws_cloudtrail" "trail" { # expect
  name                  = "trail"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}
