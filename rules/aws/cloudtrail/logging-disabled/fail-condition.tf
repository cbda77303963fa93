# Logging only in production; the stage defaults to dev.
variable "stage" {
  type    = string
  default = "dev"
}

resource "aws_cloudtrail" "trail" {
  name           = "trail-${var.stage}"
  s3_bucket_name = "audit-logs"
  enable_logging = var.stage == "prod" ? true : false # expect
}
