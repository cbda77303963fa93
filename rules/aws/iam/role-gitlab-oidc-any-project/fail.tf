# Roles that trust GitLab.com tokens from any project: only an audience condition, a sub of
# "project_path:*", and no condition at all (the provider is found through its url).
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "audience_only" {
  name = "audience-only"
  assume_role_policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/gitlab.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringEquals = { "gitlab.com:aud" = "https://gitlab.com" } }
    }]
  })
}

data "aws_iam_policy_document" "any_project" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/gitlab.com"]
    }
    condition {
      test     = "StringLike"
      variable = "gitlab.com:sub"
      values   = ["project_path:*"]
    }
  }
}

resource "aws_iam_role" "any_project" {
  name               = "any-project"
  assume_role_policy = data.aws_iam_policy_document.any_project.json # expect
}

resource "aws_iam_openid_connect_provider" "gitlab" {
  url            = "https://gitlab.com"
  client_id_list = ["https://gitlab.com"]
}

resource "aws_iam_role" "no_condition" {
  name = "no-condition"
  assume_role_policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.gitlab.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}
