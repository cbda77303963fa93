# Encryption switched off through a variable's default.
variable "encrypt_volumes" {
  type    = bool
  default = false
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = var.encrypt_volumes # expect
    }
  }
}
