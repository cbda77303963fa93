# Two functions use the same role resource; a third has its own.
resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "ingest" {
  function_name = "ingest"
  runtime       = "python3.12"
  handler       = "ingest.handler"
  role          = aws_iam_role.shared.arn # expect
  filename      = "ingest.zip"
}

resource "aws_lambda_function" "report" {
  function_name = "report"
  runtime       = "python3.12"
  handler       = "report.handler"
  role          = aws_iam_role.shared.arn # expect
  filename      = "report.zip"
}

resource "aws_lambda_function" "other" {
  function_name = "other"
  runtime       = "python3.12"
  handler       = "other.handler"
  role          = "arn:aws:iam::123456789012:role/other"
  filename      = "other.zip"
}
