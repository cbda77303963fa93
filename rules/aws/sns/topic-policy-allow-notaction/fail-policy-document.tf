# not_actions in an aws_iam_policy_document statement (effect defaults to Allow).
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

data "aws_iam_policy_document" "alerts" {
  statement {
    not_actions = ["sns:DeleteTopic", "sns:SetTopicAttributes"]
    resources   = ["arn:aws:sns:eu-west-1:123456789012:alerts"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_sns_topic_policy" "alerts" {
  arn    = aws_sns_topic.alerts.arn
  policy = data.aws_iam_policy_document.alerts.json # expect
}
