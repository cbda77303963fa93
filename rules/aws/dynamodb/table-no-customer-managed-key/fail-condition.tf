# A customer managed key only when a variable says so; its default says no, so the key resource
# has count = 0 and encryption stays with the AWS owned key.
variable "use_cmk" {
  type    = bool
  default = false
}

resource "aws_kms_key" "orders" {
  count               = var.use_cmk ? 1 : 0
  description         = "orders table"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = var.use_cmk # expect
    kms_key_arn = var.use_cmk ? aws_kms_key.orders[0].arn : null
  }
}
