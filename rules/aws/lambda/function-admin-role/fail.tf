# The function's role allows Action "*" inline and has AdministratorAccess attached by a
# separate aws_iam_role_policy_attachment.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "python3.12"
  handler       = "index.handler"
  role          = aws_iam_role.worker.arn
  filename      = "worker.zip"
}

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

  inline_policy {
    name = "logs"
    policy = jsonencode({ # expect
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "*"
        Resource = "arn:aws:logs:*:*:*"
      }]
    })
  }
}

resource "aws_iam_role_policy_attachment" "worker_admin" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # expect
}
