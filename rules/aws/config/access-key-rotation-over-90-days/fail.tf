# ACCESS_KEYS_ROTATED accepting keys up to 180 days old (input_parameters via jsonencode).
resource "aws_config_config_rule" "keys_rotated" {
  name             = "access-keys-rotated"
  input_parameters = jsonencode({ maxAccessKeyAge = "180" }) # expect

  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}
