# A local module builds the pool; the caller sets threat protection to AUDIT.
module "users" {
  source        = "./modules/user-pool"
  name          = "customers"
  security_mode = "AUDIT" # expect
}
# --- file: modules/user-pool/main.tf
variable "name" {
  type    = string
  default = "users"
}

variable "security_mode" {
  type    = string
  default = "ENFORCED"
}

resource "aws_cognito_user_pool" "this" {
  name              = var.name
  mfa_configuration = "ON"

  software_token_mfa_configuration {
    enabled = true
  }

  user_pool_add_ons {
    advanced_security_mode = var.security_mode
  }
}
