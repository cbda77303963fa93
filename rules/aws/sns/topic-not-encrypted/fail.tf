# Topics without kms_master_key_id; count instances share the marker.
resource "aws_sns_topic" "alerts" { # expect
  name = "alerts"
}

resource "aws_sns_topic" "bare" {} # expect

resource "aws_sns_topic" "shard" { # expect
  count = 2

  name = "shard-${count.index}"
}
