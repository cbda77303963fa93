# A heredoc policy template with an interpolated bucket ARN, kept in a local.
resource "aws_s3_bucket" "inbox" {
  bucket = "inbox-example"
}

locals {
  inbox_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"AWS": "*"},
          "Action": ["s3:PutObject"],
          "Resource": "${aws_s3_bucket.inbox.arn}/*"
        }
      ]
    }
  EOT
}

resource "aws_s3_bucket_policy" "inbox" {
  bucket = aws_s3_bucket.inbox.id
  policy = local.inbox_policy # expect
}
