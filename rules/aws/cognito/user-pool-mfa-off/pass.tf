# MFA required or optional with TOTP, or only known at apply time.
data "aws_ssm_parameter" "mfa" {
  name = "/identity/mfa"
}

resource "aws_cognito_user_pool" "required" {
  name              = "required"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "optional" {
  name              = "optional"
  mfa_configuration = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "unknown" {
  name              = "unknown"
  mfa_configuration = data.aws_ssm_parameter.mfa.value
}
