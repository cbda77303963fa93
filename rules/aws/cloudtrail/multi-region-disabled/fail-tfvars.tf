# The variable defaults to true, but an auto-loaded .auto.tfvars file turns it off.
variable "all_regions" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "trail" {
  name                  = "trail"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.all_regions # expect
}
# --- file: regional.auto.tfvars
all_regions = false
