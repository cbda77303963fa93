# Every instance of a for_each function lacks a key: one finding per instance, same line.
locals {
  tables = {
    ingest = "orders"
    report = "reports"
  }
}

resource "aws_lambda_function" "worker" { # expect
  for_each = local.tables

  function_name = each.key
  runtime       = "python3.12"
  handler       = "${each.key}.handler"
  role          = "arn:aws:iam::123456789012:role/${each.key}"
  filename      = "${each.key}.zip"

  environment {
    variables = {
      TABLE = each.value
    }
  }
}
