# Permissions granted to users directly: an inline user policy, a managed policy attached to
# a user, a managed policy of the configuration attached with aws_iam_policy_attachment, and
# an inline policy of a user not declared here.
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "queue" {
  name = "queue"
  user = aws_iam_user.alice.name # expect
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "sqs:SendMessage"
      Resource = "arn:aws:sqs:eu-west-1:123456789012:jobs"
    }]
  })
}

resource "aws_iam_user_policy_attachment" "alice_read" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # expect
}

resource "aws_iam_policy" "billing" {
  name = "billing"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "aws-portal:ViewBilling", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "billing" {
  name       = "billing"
  users      = [aws_iam_user.alice.name] # expect
  policy_arn = aws_iam_policy.billing.arn
}

data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_policy" "reports" {
  name   = "reports"
  policy = data.aws_iam_policy_document.reports.json
}

resource "aws_iam_policy_attachment" "reports" {
  name       = "reports"
  groups     = ["analysts"]
  users      = ["bob"] # expect
  policy_arn = aws_iam_policy.reports.arn
}

resource "aws_iam_user_policy" "carol" {
  name   = "inline"
  user   = "carol" # expect
  policy = <<-EOT
    {
      "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports"}]
    }
  EOT
}
