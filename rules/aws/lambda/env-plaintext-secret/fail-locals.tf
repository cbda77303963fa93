# The whole environment comes from a local; the finding points at the attribute using it.
locals {
  mailer_env = {
    SMTP_HOST     = "smtp.example.com"
    SMTP_PASSWORD = "correct-horse-battery"
  }
}

resource "aws_lambda_function" "mailer" {
  function_name = "mailer"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/mailer"
  filename      = "mailer.zip"

  environment {
    variables = local.mailer_env # expect
  }
}
