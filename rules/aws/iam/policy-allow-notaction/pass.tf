# NotAction in a Deny (restricting regions), and an effect unknown before apply.
variable "effect" {
  type = string
}

data "aws_iam_policy_document" "deny_outside_region" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*", "sts:*", "support:*"]
    resources   = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }

  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::data/*"]
  }
}

resource "aws_iam_policy" "deny_outside_region" {
  name   = "deny-outside-region"
  policy = data.aws_iam_policy_document.deny_outside_region.json
}

resource "aws_iam_role_policy" "unknown" {
  name = "unknown"
  role = "app"
  policy = jsonencode({
    Statement = [{ Effect = var.effect, NotAction = "iam:*", Resource = "*" }]
  })
}

resource "aws_iam_user_policy" "heredoc" {
  name   = "describe"
  user   = "auditor"
  policy = <<-EOT
    {
      "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]
    }
  EOT
}
