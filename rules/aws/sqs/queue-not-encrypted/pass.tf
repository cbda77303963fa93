# The default (SSE-SQS on), SSE-SQS explicit, a KMS key, and a setting only known at plan time.
variable "sse" {
  type = bool
}

resource "aws_sqs_queue" "default" {
  name = "default"
}

resource "aws_sqs_queue" "sqs_managed" {
  name                    = "sqs-managed"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "kms" {
  name                              = "kms"
  kms_master_key_id                 = "alias/jobs"
  kms_data_key_reuse_period_seconds = 3600
}

resource "aws_sqs_queue" "from_variable" {
  name                    = "from-variable"
  sqs_managed_sse_enabled = var.sse
}
