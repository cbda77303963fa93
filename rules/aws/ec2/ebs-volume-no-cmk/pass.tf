# A volume encrypted with a customer managed key, and an unencrypted volume (AWS-EC2-011's
# business, not this rule's).
resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false
}
