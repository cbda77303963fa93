# A secret given in terraform.tfvars ends up in the function's configuration.
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  environment {
    variables = { # expect
      DB_PASSWORD = var.db_password
    }
  }
}
# --- file: terraform.tfvars
db_password = "s3cr3t-from-tfvars"
