# The publisher comes from a variable defaulting to "*"; a condition on the user agent does not
# restrict the caller.
variable "publisher" {
  type    = string
  default = "*"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.publisher }
      Action    = "sns:Publish"
      Resource  = "arn:aws:sns:eu-west-1:123456789012:alerts"
      Condition = {
        StringLike = { "aws:UserAgent" = "*" }
      }
    }]
  })
}
