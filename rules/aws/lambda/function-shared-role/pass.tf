# One role per function with for_each, and a role only known at plan time.
variable "role_arn" {
  type = string
}

locals {
  functions = toset(["ingest", "report"])
}

resource "aws_iam_role" "fn" {
  for_each = local.functions

  name = each.key
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "fn" {
  for_each = local.functions

  function_name = each.key
  runtime       = "python3.12"
  handler       = "${each.key}.handler"
  role          = aws_iam_role.fn[each.key].arn
  filename      = "${each.key}.zip"
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  runtime       = "python3.12"
  handler       = "unknown.handler"
  role          = var.role_arn
  filename      = "unknown.zip"
}
