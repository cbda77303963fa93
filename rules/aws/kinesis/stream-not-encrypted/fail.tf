# Not encrypted with KMS: nothing written, NONE written, a key without the KMS type (the type
# defaults to NONE), and KMS without a key.
resource "aws_kinesis_stream" "events" { # expect
  name             = "events"
  shard_count      = 1
  retention_period = 24
}

resource "aws_kinesis_stream" "none" {
  name            = "audit"
  shard_count     = 1
  encryption_type = "NONE" # expect
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "no_type" { # expect
  name        = "metrics"
  shard_count = 1
  kms_key_id  = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "no_key" { # expect
  name            = "clicks"
  shard_count     = 1
  encryption_type = "KMS"
}
