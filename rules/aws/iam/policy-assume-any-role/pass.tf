# sts:AssumeRole on named roles (one only known after apply), and another sts action on "*".
data "aws_iam_role" "target" {
  name = "deploy-target"
}

data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["arn:aws:iam::111122223333:role/deploy"]
  }

  statement {
    actions   = ["sts:AssumeRole"]
    resources = [data.aws_iam_role.target.arn]
  }

  statement {
    actions   = ["sts:GetCallerIdentity"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "scoped" {
  name   = "scoped"
  policy = data.aws_iam_policy_document.scoped.json
}
