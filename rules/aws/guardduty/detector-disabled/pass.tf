# Enabled explicitly, by the provider default (enable = true), or by a value only known at apply time.
data "aws_ssm_parameter" "enable" {
  name = "/security/guardduty-enabled"
}

resource "aws_guardduty_detector" "detector" {
  enable = true
}

resource "aws_guardduty_detector" "default" {
  finding_publishing_frequency = "SIX_HOURS"
}

resource "aws_guardduty_detector" "unknown" {
  enable = data.aws_ssm_parameter.enable.value
}
