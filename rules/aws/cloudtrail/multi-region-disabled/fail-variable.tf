# The setting comes from a variable that defaults to false.
variable "all_regions" {
  type    = bool
  default = false
}

resource "aws_cloudtrail" "trail" {
  name                  = "trail"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.all_regions # expect
}
