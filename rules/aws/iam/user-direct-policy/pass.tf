# Permissions through a group; a policy attached to groups only, with an empty list of extra
# users by default; a policy attached to users unknown before apply.
variable "extra_users" {
  type    = list(string)
  default = []
}

variable "users" {
  type = list(string)
}

resource "aws_iam_group" "analysts" {
  name = "analysts"
}

resource "aws_iam_group_policy_attachment" "analysts_read" {
  group      = aws_iam_group.analysts.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_group_membership" "erin" {
  user   = aws_iam_user.erin.name
  groups = [aws_iam_group.analysts.name]
}

resource "aws_iam_policy" "reports" {
  name = "reports"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }]
  })
}

resource "aws_iam_policy_attachment" "reports" {
  name       = "reports"
  groups     = [aws_iam_group.analysts.name]
  users      = var.extra_users
  policy_arn = aws_iam_policy.reports.arn
}

resource "aws_iam_policy" "unknown" {
  name = "unknown"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }]
  })
}

resource "aws_iam_policy_attachment" "unknown" {
  name       = "unknown"
  users      = var.users
  policy_arn = aws_iam_policy.unknown.arn
}
