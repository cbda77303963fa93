# A group launched from a launch configuration.
resource "aws_launch_configuration" "config" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_autoscaling_group" "group" {
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
  launch_configuration = aws_launch_configuration.config.name # expect
}
