# A key of the configuration, or one only known at apply time.
resource "aws_kms_key" "audit" {
  description         = "audit logs"
  enable_key_rotation = true
}

data "aws_kms_key" "shared" {
  key_id = "alias/shared-audit"
}

resource "aws_cloudtrail" "trail" {
  name           = "trail"
  s3_bucket_name = "audit-logs"
  kms_key_id     = aws_kms_key.audit.arn
}

resource "aws_cloudtrail" "shared" {
  name           = "shared"
  s3_bucket_name = "audit-logs"
  kms_key_id     = data.aws_kms_key.shared.arn
}
