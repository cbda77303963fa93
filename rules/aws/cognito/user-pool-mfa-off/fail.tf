# MFA left out (defaults to OFF) and turned off.
resource "aws_cognito_user_pool" "users" { # expect
  name                     = "customers"
  auto_verified_attributes = ["email"]
}

resource "aws_cognito_user_pool" "staff" {
  name              = "staff"
  mfa_configuration = "OFF" # expect
}
