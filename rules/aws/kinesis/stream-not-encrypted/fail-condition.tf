# Encrypted only in production (both arguments null otherwise); the variable default is
# development, so the stream has no encryption settings at all.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_kinesis_stream" "events" { # expect
  name            = "events-${var.env}"
  shard_count     = 1
  encryption_type = var.env == "prod" ? "KMS" : null
  kms_key_id      = var.env == "prod" ? "alias/aws/kinesis" : null
}
