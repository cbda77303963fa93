# The maximum age comes from a number variable that defaults to 365.
variable "max_key_age" {
  type    = number
  default = 365
}

resource "aws_config_config_rule" "keys_rotated" {
  name             = "access-keys-rotated"
  input_parameters = jsonencode({ maxAccessKeyAge = tostring(var.max_key_age) }) # expect

  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}
