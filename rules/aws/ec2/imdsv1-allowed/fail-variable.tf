# The token mode comes from a variable whose default is optional.
variable "token_mode" {
  type    = string
  default = "optional"

  validation {
    condition     = contains(["optional", "required"], var.token_mode)
    error_message = "token_mode must be optional or required."
  }
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.token_mode # expect
  }
}
