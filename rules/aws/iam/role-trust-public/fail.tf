# Trust policies that let any AWS principal assume the role: jsonencode with {AWS = "*"}, and
# aws_iam_policy_document with type "*" (an external ID is not a secret and does not help).
resource "aws_iam_role" "anyone" {
  name = "anyone"
  assume_role_policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

data "aws_iam_policy_document" "anyone_with_id" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["shared-secret"]
    }
  }
}

resource "aws_iam_role" "anyone_with_id" {
  name               = "anyone-with-id"
  assume_role_policy = data.aws_iam_policy_document.anyone_with_id.json # expect
}
