# A trail that is created but not logging.
resource "aws_cloudtrail" "paused" {
  name                  = "paused"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
  enable_logging        = false # expect
}
