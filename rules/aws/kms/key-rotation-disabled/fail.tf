# A symmetric key without rotation (the provider default is off), and one with rotation
# turned off explicitly.
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "data" { # expect
  description = "data at rest"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "logs" {
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = false # expect
}
