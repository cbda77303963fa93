# Anyone may encrypt with the key (no decrypt or admin action): jsonencode inline.
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "encrypt_only" {
  enable_key_rotation = true
  policy = jsonencode({ # expect
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = ["kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
      },
    ]
  })
}
