# kms_key_id comes from a variable that defaults to null: null leaves the argument unset, so
# the finding points at the resource; an empty string is written and points at the argument.
variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_secretsmanager_secret" "api" { # expect
  name       = "app/api-token"
  kms_key_id = var.kms_key_id
}

resource "aws_secretsmanager_secret" "legacy" {
  name       = "app/legacy"
  kms_key_id = "" # expect
}
