# Guest (unauthenticated) identities allowed.
resource "aws_cognito_identity_pool" "guests" {
  identity_pool_name               = "guests"
  allow_unauthenticated_identities = true # expect
}
