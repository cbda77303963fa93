# iam:PassRole on named roles (a role of the configuration, and one only known after apply),
# iam:GetRole on "*", and an override that narrows a base document's PassRole statement.
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "instance" {
  name = "app-instance"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.instance.arn]
  }

  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/app-worker"]
  }

  statement {
    actions   = ["iam:GetRole"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "scoped" {
  name   = "scoped"
  policy = data.aws_iam_policy_document.scoped.json
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Pass"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "narrowed" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  override_policy_documents = [jsonencode({
    Statement = [{
      Sid      = "Pass"
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = "arn:aws:iam::111122223333:role/app-*"
    }]
  })]
}

resource "aws_iam_role_policy" "narrowed" {
  name   = "narrowed"
  role   = "launcher"
  policy = data.aws_iam_policy_document.narrowed.json
}
