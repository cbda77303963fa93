# An encrypted volume without `kms_key_id` uses the AWS managed key aws/ebs.
resource "aws_ebs_volume" "data" { # expect
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}
