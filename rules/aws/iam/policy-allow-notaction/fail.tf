# Allow with NotAction: a managed policy built with aws_iam_policy_document, and a role's
# inline policy written as a JSON string.
data "aws_iam_policy_document" "all_but_iam" {
  statement {
    not_actions = ["iam:*", "organizations:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "all_but_iam" {
  name   = "all-but-iam"
  policy = data.aws_iam_policy_document.all_but_iam.json # expect
}

resource "aws_iam_role" "power_user" {
  name = "power-user"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name   = "power"
    policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}]}" # expect
  }
}
