# Secret names and ARNs, a value only known at plan time, short and empty values.
variable "api_token" {
  type      = string
  sensitive = true
}

resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  environment {
    variables = {
      DB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.db.arn
      DB_SECRET_NAME         = "prod/db"
      API_TOKEN              = var.api_token
      TOKEN_TTL              = "3600"
      SESSION_SECRET         = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/session"
      PASSWORD               = ""
      LOG_LEVEL              = "info"
    }
  }
}
