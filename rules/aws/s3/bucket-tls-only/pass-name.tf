# A policy attached by bucket name (heredoc JSON), and a policy whose bucket is unknown before
# apply: it may cover "other", so nothing is reported.
resource "aws_s3_bucket" "logs" {
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
          "Action": "s3:*",
          "Resource": ["arn:aws:s3:::app-logs", "arn:aws:s3:::app-logs/*"],
          "Condition": {"Bool": {"aws:SecureTransport": false}}
        }
      ]
    }
  EOT
}

data "aws_ssm_parameter" "policy_bucket" {
  name = "/shared/policy-bucket"
}

resource "aws_s3_bucket" "other" {
  bucket = "other-example"
}

resource "aws_s3_bucket_policy" "other" {
  bucket = data.aws_ssm_parameter.policy_bucket.value
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
