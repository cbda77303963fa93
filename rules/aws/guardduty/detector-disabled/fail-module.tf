# A local module creates the detector; the caller disables it.
module "guardduty" {
  source  = "./modules/guardduty"
  enabled = false # expect
}
# --- file: modules/guardduty/main.tf
variable "enabled" {
  type    = bool
  default = true
}

resource "aws_guardduty_detector" "this" {
  enable                       = var.enabled
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
