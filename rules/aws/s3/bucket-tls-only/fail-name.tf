# The policy attached by bucket name denies only secure transport (SecureTransport "true"),
# which does not enforce TLS; "bare" has no policy at all.
resource "aws_s3_bucket" "logs" { # expect
  bucket = "app-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "app-logs"
  policy = <<-EOT
    {
      "Statement": [
        {
          "Effect": "Deny",
          "Principal": "*",
          "Action": "s3:PutObject",
          "Resource": "arn:aws:s3:::app-logs/*",
          "Condition": {"Bool": {"aws:SecureTransport": "true"}}
        }
      ]
    }
  EOT
}

resource "aws_s3_bucket" "bare" { # expect
  bucket_prefix = "bare-"
}
