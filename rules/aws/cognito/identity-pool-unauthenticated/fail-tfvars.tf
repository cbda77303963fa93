# The variable defaults to false, but terraform.tfvars allows guests.
variable "allow_guests" {
  type    = bool
  default = false
}

resource "aws_cognito_identity_pool" "identities" {
  identity_pool_name               = "identities"
  allow_unauthenticated_identities = var.allow_guests # expect
}
# --- file: terraform.tfvars
allow_guests = true
