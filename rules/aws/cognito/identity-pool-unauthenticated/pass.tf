# Guests refused explicitly, by the provider default (false), or by a value only known at apply time.
data "aws_ssm_parameter" "allow_guests" {
  name = "/identity/allow-guests"
}

resource "aws_cognito_identity_pool" "identities" {
  identity_pool_name               = "identities"
  allow_unauthenticated_identities = false
}

resource "aws_cognito_identity_pool" "default" {
  identity_pool_name = "default"
}

resource "aws_cognito_identity_pool" "unknown" {
  identity_pool_name               = "unknown"
  allow_unauthenticated_identities = data.aws_ssm_parameter.allow_guests.value
}
