# A sensitive variable is still a secret written in the configuration when it has a default.
variable "api_token" {
  type      = string
  sensitive = true
  default   = "tok_live_0123456789abcdef"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  environment {
    variables = { # expect
      STRIPE_API_KEY = var.api_token
    }
  }
}
