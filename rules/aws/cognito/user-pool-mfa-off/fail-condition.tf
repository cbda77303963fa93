# MFA only in production; the stage defaults to dev.
variable "stage" {
  type    = string
  default = "dev"
}

resource "aws_cognito_user_pool" "users" {
  name              = "customers-${var.stage}"
  mfa_configuration = var.stage == "prod" ? "ON" : "OFF" # expect

  software_token_mfa_configuration {
    enabled = true
  }
}
