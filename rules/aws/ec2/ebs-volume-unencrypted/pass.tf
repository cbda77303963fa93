# An encrypted volume, a volume restored from a snapshot (it inherits the snapshot's
# encryption), and a volume whose encryption is only known at apply time.
data "aws_ebs_encryption_by_default" "current" {}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = "alias/ebs"
}

resource "aws_ebs_volume" "from_snapshot" {
  availability_zone = "us-east-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = data.aws_ebs_encryption_by_default.current.enabled
}
