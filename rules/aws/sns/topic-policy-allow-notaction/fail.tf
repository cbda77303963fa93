# An Allow statement with NotAction in a topic policy written with jsonencode.
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      NotAction = "sns:DeleteTopic"
      Resource  = aws_sns_topic.alerts.arn
    }]
  })
}
