# The policy argument of aws_sns_topic itself (mapped to an AWS::SNS::TopicPolicy).
resource "aws_sns_topic" "alerts" {
  name = "alerts"
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      NotAction = ["sns:DeleteTopic"]
      Resource  = "arn:aws:sns:eu-west-1:123456789012:alerts"
    }]
  })
}
