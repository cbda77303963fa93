# The policy is built with aws_iam_policy_document: principal "*" and no condition.
resource "aws_ecr_repository" "app" {
  name = "app"
}

data "aws_iam_policy_document" "public_pull" {
  statement {
    sid     = "Everyone"
    effect  = "Allow"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = data.aws_iam_policy_document.public_pull.json # expect
}
