# Secrets made with for_each; the ones without a key in the map use the AWS managed key.
resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

locals {
  secrets = {
    "app/db"      = aws_kms_key.secrets.arn
    "app/cache"   = null
    "app/webhook" = null
  }
}

resource "aws_secretsmanager_secret" "this" { # expect
  for_each   = local.secrets
  name       = each.key
  kms_key_id = each.value
}
