# Nothing to escalate with: PassRole without a service to start, the escalation actions scoped
# to named resources, and read-only actions on every resource.
resource "aws_iam_role" "runner" {
  name = "runner"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "runner" {
  name = "runner"
  role = aws_iam_role.runner.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" },
      { Effect = "Allow", Action = "ec2:RunInstances", Resource = "arn:aws:ec2:us-east-1:123456789012:instance/*" },
    ]
  })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_policy" "ops" {
  name = "ops"
  user = aws_iam_user.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:CreateAccessKey", "iam:UpdateLoginProfile"], Resource = "arn:aws:iam::123456789012:user/$${aws:username}" },
      { Effect = "Allow", Action = ["ec2:Describe*", "s3:GetObject"], Resource = "*" },
    ]
  })
}
