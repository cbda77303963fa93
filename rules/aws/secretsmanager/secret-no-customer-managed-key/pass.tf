# Secrets encrypted with a customer managed key of the configuration, with a key alias, and
# with a key read from a data source (unknown before apply).
resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "db" {
  name       = "app/db"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret" "cache" {
  name       = "app/cache"
  kms_key_id = "alias/app-secrets"
}

data "aws_kms_alias" "shared" {
  name = "alias/shared-secrets"
}

resource "aws_secretsmanager_secret" "imported" {
  name       = "app/imported"
  kms_key_id = data.aws_kms_alias.shared.target_key_arn
}
