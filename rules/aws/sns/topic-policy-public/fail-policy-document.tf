# An aws_iam_policy_document with a "*" principal and no condition, used as the topic's own
# policy argument.
data "aws_iam_policy_document" "alerts" {
  statement {
    actions   = ["sns:Publish"]
    resources = ["arn:aws:sns:eu-west-1:123456789012:alerts"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = data.aws_iam_policy_document.alerts.json # expect
}
