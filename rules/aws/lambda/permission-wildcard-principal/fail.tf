# "*" narrowed only by source conditions.
resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_lambda_permission" "from_bucket" {
  statement_id   = "FromBucket"
  function_name  = "handler"
  action         = "lambda:InvokeFunction"
  principal      = "*" # expect
  source_account = "123456789012"
  source_arn     = aws_s3_bucket.uploads.arn
}

resource "aws_lambda_permission" "from_topic" {
  statement_id  = "FromTopic"
  function_name = "handler"
  action        = "lambda:InvokeFunction"
  principal     = "*" # expect
  source_arn    = "arn:aws:sns:eu-west-1:123456789012:alerts"
}
