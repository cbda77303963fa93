# A global table whose other replica has point-in-time recovery but whose own region (the table's
# point_in_time_recovery block, missing here) does not: the home replica is the resource itself.
resource "aws_dynamodb_table" "customers" { # expect
  name             = "customers"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  replica {
    region_name            = "us-east-1"
    point_in_time_recovery = true
  }
}
