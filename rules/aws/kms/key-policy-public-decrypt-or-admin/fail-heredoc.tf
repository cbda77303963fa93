# A heredoc key policy held in a local: anyone may schedule the key's deletion.
locals {
  key_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["kms:ScheduleKeyDeletion", "kms:DescribeKey"], "Resource": "*"}
      ]
    }
  EOT
}

resource "aws_kms_key" "fragile" {
  enable_key_rotation = true
  policy              = local.key_policy # expect
}
