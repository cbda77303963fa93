# A secret without kms_key_id is encrypted with the AWS managed key aws/secretsmanager.
resource "aws_secretsmanager_secret" "db" { # expect
  name        = "app/db"
  description = "database credentials"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ username = "app" })
}
