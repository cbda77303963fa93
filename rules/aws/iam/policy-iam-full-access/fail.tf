# iam:* on every resource: a managed policy built with aws_iam_policy_document, and a role's
# inline policy (action case does not matter).
data "aws_iam_policy_document" "iam_admin" {
  statement {
    actions   = ["ec2:Describe*", "iam:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "iam_admin" {
  name   = "iam-admin"
  policy = data.aws_iam_policy_document.iam_admin.json # expect
}

resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codebuild.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name = "iam"
    policy = jsonencode({ # expect
      Statement = [{ Effect = "Allow", Action = "IAM:*", Resource = ["*"] }]
    })
  }
}
