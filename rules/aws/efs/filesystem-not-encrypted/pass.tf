# Encrypted with a key, or decided by a value only known at apply time.
data "aws_ssm_parameter" "encrypt" {
  name = "/efs/encrypt"
}

resource "aws_efs_file_system" "shared" {
  encrypted  = true
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/efs"
}

resource "aws_efs_file_system" "unknown" {
  encrypted = data.aws_ssm_parameter.encrypt.value
}
