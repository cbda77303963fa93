# The name of an existing launch configuration passed as a variable.
variable "launch_configuration_name" {
  type    = string
  default = "legacy-web"
}

resource "aws_autoscaling_group" "web" {
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
  launch_configuration = var.launch_configuration_name # expect
}
