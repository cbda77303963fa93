# Public encrypt pinned to one account, a Deny to everyone, and a principal unknown before apply.
variable "consumer" {
  type = string
}

resource "aws_kms_key" "restricted" {
  enable_key_rotation = true
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = ["kms:Encrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "kms:*"
        Resource  = "*"
        Condition = { Bool = { "aws:SecureTransport" = false } }
      },
    ]
  })
}

resource "aws_kms_key" "unknown" {
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "unknown" {
  key_id = aws_kms_key.unknown.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.consumer }
      Action    = "kms:Encrypt"
      Resource  = "*"
    }]
  })
}
