# KMS with a key (known only at deployment, or the AWS managed alias), on-demand too, and a
# stream whose encryption depends on a variable known only at deployment.
variable "key" {
  type = string
}

variable "env" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = var.key
}

resource "aws_kinesis_stream" "on_demand" {
  name            = "clicks"
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_kinesis_stream" "maybe" {
  name            = "audit"
  shard_count     = 1
  encryption_type = var.env == "prod" ? "KMS" : null
  kms_key_id      = var.env == "prod" ? "alias/aws/kinesis" : null
}
