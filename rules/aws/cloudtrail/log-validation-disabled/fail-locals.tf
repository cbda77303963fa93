# Per-environment settings looked up in a local map (the counterpart of a CloudFormation mapping);
# the environment defaults to dev, where validation is off.
variable "env" {
  type    = string
  default = "dev"
}

locals {
  settings = {
    dev  = { validate = false }
    prod = { validate = true }
  }
}

resource "aws_cloudtrail" "trail" {
  name                       = "trail-${var.env}"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = local.settings[var.env].validate # expect
}
