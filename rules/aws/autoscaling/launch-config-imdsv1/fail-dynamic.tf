# Metadata options only generated when a variable asks for IMDSv2; by default the dynamic
# block produces nothing, so the finding is on the resource.
variable "require_imdsv2" {
  type    = bool
  default = false
}

resource "aws_launch_configuration" "web" { # expect
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = var.require_imdsv2 ? [1] : []

    content {
      http_tokens = "required"
    }
  }
}
