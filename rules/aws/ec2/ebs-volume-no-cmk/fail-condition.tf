# The customer managed key is only used when a variable says so; by default `kms_key_id` is
# null, which is the same as leaving it out.
variable "use_cmk" {
  type    = bool
  default = false
}

resource "aws_kms_key" "ebs" {
  description         = "EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" { # expect
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.use_cmk ? aws_kms_key.ebs.arn : null
}
