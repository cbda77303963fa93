# No user_pool_add_ons (threat protection off) and AUDIT mode only.
resource "aws_cognito_user_pool" "users" { # expect
  name              = "customers"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_cognito_user_pool" "audit_only" {
  name              = "audit-only"
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = "AUDIT" # expect
  }
}
