# input_parameters as a JSON string from a heredoc kept in a local (the CloudFormation JSON string
# form); the finding points where the resource uses it.
locals {
  key_rotation_params = <<-EOT
    {"maxAccessKeyAge": "120"}
  EOT
}

resource "aws_config_config_rule" "keys_rotated" {
  name             = "access-keys-rotated"
  input_parameters = local.key_rotation_params # expect

  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}
