# The dead-letter queue is only configured in prod; the stage defaults to dev.
variable "stage" {
  type    = string
  default = "dev"
}

resource "aws_lambda_function" "worker" { # expect
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  dynamic "dead_letter_config" {
    for_each = var.stage == "prod" ? [1] : []
    content {
      target_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
    }
  }
}
