# A service principal, "*" restricted to a source bucket and account, and a principal only
# known at plan time.
variable "publisher" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

data "aws_iam_policy_document" "from_s3" {
  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
  }

  statement {
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:s3:::uploads-bucket"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_sns_topic_policy" "from_s3" {
  arn    = aws_sns_topic.alerts.arn
  policy = data.aws_iam_policy_document.from_s3.json
}

resource "aws_sns_topic" "named" {
  name = "named"
}

resource "aws_sns_topic_policy" "named" {
  arn = aws_sns_topic.named.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.publisher }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.named.arn
    }]
  })
}
