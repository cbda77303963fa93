# Roles that trust GitHub Actions tokens from any repository: only an audience condition, a
# sub of "repo:*", no condition at all (the provider is found through its url), and a sub
# whose owner is a wildcard.
data "aws_caller_identity" "current" {}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "audience_only" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "audience_only" {
  name               = "audience-only"
  assume_role_policy = data.aws_iam_policy_document.audience_only.json # expect
}

resource "aws_iam_role" "any_repo" {
  name = "any-repo"
  assume_role_policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:*" }
      }
    }]
  })
}

resource "aws_iam_role" "no_condition" {
  name = "no-condition"
  assume_role_policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

data "aws_iam_policy_document" "any_owner" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:*/deploy-tools:*"]
    }
  }
}

resource "aws_iam_role" "any_owner" {
  name               = "any-owner"
  assume_role_policy = data.aws_iam_policy_document.any_owner.json # expect
}
