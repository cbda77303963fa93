# A policy document merged from a base document (source_policy_documents) and an extra
# statement that passes any role.
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  statement {
    sid       = "PassAnyRole"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "orchestrator" {
  name   = "orchestrator"
  role   = "orchestrator"
  policy = data.aws_iam_policy_document.combined.json # expect
}
