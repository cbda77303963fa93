# iam:PassRole and lambda:CreateFunction + lambda:InvokeFunction from two policies attached
# to the same role, one of them through aws_iam_policy_attachment.
resource "aws_iam_role" "builder" { # expect
  name = "builder"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "functions" {
  name = "functions"
  role = aws_iam_role.builder.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" }]
  })
}

resource "aws_iam_policy" "pass" {
  name = "pass"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "pass" {
  name       = "pass"
  roles      = [aws_iam_role.builder.name]
  policy_arn = aws_iam_policy.pass.arn
}
