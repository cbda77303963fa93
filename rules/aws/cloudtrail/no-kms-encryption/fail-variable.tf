# The key comes from a variable whose default is an empty string: no key.
variable "trail_key" {
  type    = string
  default = ""
}

resource "aws_cloudtrail" "trail" { # expect
  name           = "trail"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.trail_key
}
