# A detector that exists but is disabled.
resource "aws_guardduty_detector" "detector" {
  enable                       = false # expect
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}
