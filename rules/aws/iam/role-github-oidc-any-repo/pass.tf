# The sub pinned to a repository and branch, or to an organisation; a sub from a variable
# without default (unknown); another identity provider.
variable "subject" {
  type = string
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "main_branch" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:octo-org/octo-repo:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "main_branch" {
  name               = "main-branch"
  assume_role_policy = data.aws_iam_policy_document.main_branch.json
}

resource "aws_iam_role" "org_wide" {
  name = "org-wide"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          "token.actions.githubusercontent.com:sub" = ["repo:octo-org/*", "repo:octo-org/infra:environment:prod"]
        }
      }
    }]
  })
}

resource "aws_iam_role" "from_variable" {
  name = "from-variable"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = var.subject } }
    }]
  })
}

resource "aws_iam_role" "other_provider" {
  name = "other-provider"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "cognito-identity.amazonaws.com:aud" = "us-east-1:12345678-1234-1234-1234-123456789012" }
      }
    }]
  })
}
