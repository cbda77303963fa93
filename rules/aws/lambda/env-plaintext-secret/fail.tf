# A password and an access key id written in the environment.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  environment {
    variables = { # expect
      DB_HOST     = "db.internal"
      DB_PASSWORD = "hunter2-but-longer"
    }
  }
}

resource "aws_lambda_function" "keys" {
  function_name = "keys"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/keys"
  filename      = "keys.zip"

  environment {
    variables = { # expect
      AWS_KEY = "AKIAIOSFODNN7EXAMPLE"
      REGION  = "eu-west-1"
    }
  }
}
