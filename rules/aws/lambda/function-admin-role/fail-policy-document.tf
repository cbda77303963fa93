# An aws_iam_policy_document granting every action, used as an inline policy of the role.
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "everything" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name   = "everything"
    policy = data.aws_iam_policy_document.everything.json # expect
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  role          = aws_iam_role.worker.arn
  filename      = "worker.zip"
}
