# A local module whose secret takes its key from an input; the call leaves it out.
module "db_secret" {
  source = "./modules/secret"
  name   = "app/db"
}

module "api_secret" {
  source     = "./modules/secret"
  name       = "app/api"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
# --- file: modules/secret/main.tf
variable "name" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_secretsmanager_secret" "this" { # expect
  name       = var.name
  kms_key_id = var.kms_key_id
}
