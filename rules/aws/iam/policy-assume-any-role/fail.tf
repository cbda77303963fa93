# sts:AssumeRole on every role: a managed policy attached to a user, and a role's inline
# policy built with aws_iam_policy_document using a wildcard action.
resource "aws_iam_policy" "hopper" {
  name = "hopper"
  policy = jsonencode({ # expect
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "hopper" {
  user       = "ci"
  policy_arn = aws_iam_policy.hopper.arn
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions   = ["sts:Assume*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "broker" {
  name = "broker"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name   = "assume"
    policy = data.aws_iam_policy_document.assume.json # expect
  }
}
