# The AWS owned key (no server_side_encryption block, or enabled = false) and the AWS managed key
# (enabled without kms_key_arn: reported on the block, where the key is missing).
resource "aws_dynamodb_table" "owned" { # expect
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "disabled" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled = false # expect
  }
}

resource "aws_dynamodb_table" "aws_managed" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption { # expect
    enabled = true
  }
}
