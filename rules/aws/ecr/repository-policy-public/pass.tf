# "*" narrowed by an organisation condition, a reader only known at apply time, and a Deny to
# everyone; a second repository with a data-source policy naming an account.
data "aws_ssm_parameter" "reader" {
  name = "/ecr/reader-arn"
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Org"
        Effect    = "Allow"
        Principal = "*"
        Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
      },
      {
        Sid       = "Reader"
        Effect    = "Allow"
        Principal = { AWS = data.aws_ssm_parameter.reader.value }
        Action    = ["ecr:BatchGetImage"]
      },
      {
        Sid       = "DenyAll"
        Effect    = "Deny"
        Principal = "*"
        Action    = "ecr:DeleteRepository"
      },
    ]
  })
}

resource "aws_ecr_repository" "worker" {
  name = "worker"
}

data "aws_iam_policy_document" "worker" {
  statement {
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "worker" {
  repository = aws_ecr_repository.worker.name
  policy     = data.aws_iam_policy_document.worker.json
}
