variable "db_password" {
  type      = string
  sensitive = true
}

data "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([{
    name  = "api"
    image = "example/api:1"
    secrets = [
      { name = "DB_PASSWORD", valueFrom = data.aws_secretsmanager_secret.db.arn },
    ]
    environment = [
      { name = "DB_SECRET_ARN", value = data.aws_secretsmanager_secret.db.arn },
      { name = "REQUIRE_TOKEN", value = "true" },
      # Known only at apply time.
      { name = "DB_PASSWORD", value = var.db_password },
    ]
  }])
}
