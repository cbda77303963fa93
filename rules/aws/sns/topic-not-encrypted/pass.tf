# A customer managed key, the AWS managed key, a key of the configuration, a key only known at
# plan time.
variable "key" {
  type = string
}

resource "aws_kms_key" "alerts" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/alerts"
}

resource "aws_sns_topic" "managed" {
  name              = "managed"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "own_key" {
  name              = "own-key"
  kms_master_key_id = aws_kms_key.alerts.arn
}

resource "aws_sns_topic" "maybe" {
  name              = "maybe"
  kms_master_key_id = var.key
}
