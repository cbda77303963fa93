# iam:* scoped to some roles, read-only IAM actions on "*", a Deny, and a service prefix
# unknown before apply.
variable "service" {
  type = string
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["iam:*"]
    resources = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/app-*"]
  }

  statement {
    actions   = ["iam:Get*", "iam:List*"]
    resources = ["*"]
  }

  statement {
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "scoped" {
  name   = "scoped"
  policy = data.aws_iam_policy_document.scoped.json
}

resource "aws_iam_role_policy" "unknown" {
  name = "unknown"
  role = "app"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "${var.service}:*", Resource = "*" }]
  })
}
