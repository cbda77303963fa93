# Enabling comes from a variable that defaults to false.
variable "enable_guardduty" {
  type    = bool
  default = false
}

resource "aws_guardduty_detector" "detector" {
  enable = var.enable_guardduty # expect
}
