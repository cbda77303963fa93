# Functions without dead_letter_config nor an on-failure destination; count instances share
# the marker.
resource "aws_lambda_function" "worker" { # expect
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_lambda_function" "shard" { # expect
  count = 2

  function_name = "shard-${count.index}"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

# A success destination only does not keep failed events.
resource "aws_lambda_function" "notifier" { # expect
  function_name = "notifier"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}

resource "aws_lambda_function_event_invoke_config" "notifier" {
  function_name = aws_lambda_function.notifier.function_name

  destination_config {
    on_success {
      destination = "arn:aws:sqs:eu-west-1:123456789012:done"
    }
  }
}
