# The sub pinned to a project and branch, and a sub from a variable without default (unknown).
variable "subject" {
  type = string
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "pinned" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/gitlab.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "gitlab.com:aud"
      values   = ["https://gitlab.com"]
    }
    condition {
      test     = "StringLike"
      variable = "gitlab.com:sub"
      values   = ["project_path:my-group/my-project:ref_type:branch:ref:main"]
    }
  }
}

resource "aws_iam_role" "pinned" {
  name               = "pinned"
  assume_role_policy = data.aws_iam_policy_document.pinned.json
}

resource "aws_iam_role" "from_variable" {
  name = "from-variable"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/gitlab.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringLike = { "gitlab.com:sub" = var.subject } }
    }]
  })
}
