# A DLQ, an on-failure destination, a DLQ only known at plan time, a prod dynamic block.
variable "dlq_arn" {
  type = string
}

variable "stage" {
  type    = string
  default = "prod"
}

resource "aws_sqs_queue" "dlq" {
  name = "worker-dlq"
}

resource "aws_lambda_function" "with_dlq" {
  function_name = "with-dlq"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}

resource "aws_lambda_function" "with_destination" {
  function_name = "with-destination"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_lambda_function_event_invoke_config" "with_destination" {
  function_name = aws_lambda_function.with_destination.function_name
  qualifier     = "$LATEST"

  destination_config {
    on_failure {
      destination = aws_sqs_queue.dlq.arn
    }
  }
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  dead_letter_config {
    target_arn = var.dlq_arn
  }
}

resource "aws_lambda_function" "prod_only" {
  function_name = "prod-only"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"

  dynamic "dead_letter_config" {
    for_each = var.stage == "prod" ? [1] : []
    content {
      target_arn = aws_sqs_queue.dlq.arn
    }
  }
}
