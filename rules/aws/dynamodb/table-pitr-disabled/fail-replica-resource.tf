# A replica added with the separate aws_dynamodb_table_replica resource (joined onto its table by
# global_table_arn), without point-in-time recovery.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

resource "aws_dynamodb_table" "customers" {
  name             = "customers"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  lifecycle {
    ignore_changes = [replica]
  }
}

resource "aws_dynamodb_table_replica" "us" { # expect
  provider         = aws.us_east_1
  global_table_arn = aws_dynamodb_table.customers.arn
}
