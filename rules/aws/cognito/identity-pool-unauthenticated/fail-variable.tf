# Guest access comes from a variable that defaults to true.
variable "allow_guests" {
  type    = bool
  default = true
}

resource "aws_cognito_identity_pool" "identities" {
  identity_pool_name               = "identities"
  allow_unauthenticated_identities = var.allow_guests # expect
}
