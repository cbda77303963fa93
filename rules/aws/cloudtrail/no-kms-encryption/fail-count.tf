# Trails from count; the key is only set when a condition that is false by default holds, and null
# leaves kms_key_id unset.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_kms_key" "audit" {
  description         = "audit logs"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "trail" { # expect
  count          = 2
  name           = "trail-${count.index}"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.encrypt ? aws_kms_key.audit.arn : null
}
