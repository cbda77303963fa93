# Groups launched from a launch template; in the second, launch_configuration is null (as good
# as absent).
resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_autoscaling_group" "group" {
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]

  launch_template {
    id      = aws_launch_template.template.id
    version = aws_launch_template.template.latest_version
  }
}

variable "legacy_configuration" {
  type    = string
  default = null
}

resource "aws_autoscaling_group" "migrated" {
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
  launch_configuration = var.legacy_configuration

  launch_template {
    id      = aws_launch_template.template.id
    version = "$Latest"
  }
}
