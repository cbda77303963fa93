# Privilege escalation through inline policy resources, a policy attachment and a
# policy document: a user that may edit a role's trust policy and assume it, a role that may
# rewrite any Lambda function's code, and a group that may create login profiles.
resource "aws_iam_user" "ci" { # expect
  name = "ci"
}

resource "aws_iam_user_policy" "ci" {
  name = "trust"
  user = aws_iam_user.ci.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:UpdateAssumeRolePolicy", Resource = "*" },
      { Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" },
    ]
  })
}

resource "aws_iam_role" "deployer" { # expect
  name = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_policy" "code" {
  name = "code"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["lambda:UpdateFunctionCode"], Resource = "*" }]
  })
}

resource "aws_iam_role_policy_attachment" "deployer" {
  role       = aws_iam_role.deployer.name
  policy_arn = aws_iam_policy.code.arn
}

resource "aws_iam_group" "support" { # expect
  name = "support"
}

data "aws_iam_policy_document" "support" {
  statement {
    actions   = ["iam:CreateLoginProfile"]
    resources = ["*"]
  }
}

resource "aws_iam_group_policy" "support" {
  name   = "support"
  group  = aws_iam_group.support.name
  policy = data.aws_iam_policy_document.support.json
}
