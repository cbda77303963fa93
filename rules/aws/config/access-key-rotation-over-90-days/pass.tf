# 90 days, a value only known at apply time, and another managed rule with a long age.
data "aws_ssm_parameter" "max_age" {
  name = "/config/max-key-age"
}

resource "aws_config_config_rule" "ninety" {
  name             = "access-keys-rotated"
  input_parameters = jsonencode({ maxAccessKeyAge = "90" })

  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}

resource "aws_config_config_rule" "unknown" {
  name             = "access-keys-rotated-unknown"
  input_parameters = jsonencode({ maxAccessKeyAge = data.aws_ssm_parameter.max_age.value })

  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}

resource "aws_config_config_rule" "other_rule" {
  name             = "unused-credentials"
  input_parameters = jsonencode({ maxCredentialUsageAge = "180" })

  source {
    owner             = "AWS"
    source_identifier = "IAM_USER_UNUSED_CREDENTIALS_CHECK"
  }
}
