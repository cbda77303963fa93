# The server_side_encryption block comes from a dynamic block that is empty unless a key ARN is
# given; the default is none, so the table has no block (AWS owned key).
variable "kms_key_arn" {
  type    = string
  default = null
}

resource "aws_dynamodb_table" "orders" { # expect
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  dynamic "server_side_encryption" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value
    }
  }
}
