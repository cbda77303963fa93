# Threat protection enforced, or a mode only known at apply time.
data "aws_ssm_parameter" "mode" {
  name = "/identity/advanced-security-mode"
}

resource "aws_cognito_user_pool" "users" {
  name              = "customers"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}

resource "aws_cognito_user_pool" "unknown" {
  name = "unknown"

  user_pool_add_ons {
    advanced_security_mode = data.aws_ssm_parameter.mode.value
  }
}
