# iam:PassRole on every role: a managed policy (a PassedToService condition does not limit the
# roles), and a user's inline policy built with aws_iam_policy_document.
resource "aws_iam_policy" "launcher" {
  name = "launcher"
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["ec2:RunInstances", "iam:PassRole"]
      Resource  = "*"
      Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } }
    }]
  })
}

resource "aws_iam_user" "pipeline" {
  name = "pipeline"
}

data "aws_iam_policy_document" "pass" {
  statement {
    actions   = ["iam:Pass*"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "pipeline" {
  name   = "pass"
  user   = aws_iam_user.pipeline.name
  policy = data.aws_iam_policy_document.pass.json # expect
}
