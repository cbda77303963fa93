# count instances of one function block all use the same role.
resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "shard" {
  count = 3

  function_name = "shard-${count.index}"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = aws_iam_role.worker.arn # expect
  filename      = "worker.zip"
}
