# Point-in-time recovery left out or off on tables, and off on one replica of a global table
# (replica blocks; each replica has its own setting, off by default).
resource "aws_dynamodb_table" "orders" { # expect
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = false # expect
  }
}

resource "aws_dynamodb_table" "global" {
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

  replica {
    region_name            = "eu-central-1"
    point_in_time_recovery = true
  }

  replica { # expect
    region_name = "us-east-1"
  }
}
