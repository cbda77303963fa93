# A module wrapping the launch configuration and its group, called with public_ip = true.
module "web" {
  source    = "./modules/asg"
  name      = "web"
  public_ip = true # expect
}

# --- file: modules/asg/main.tf
variable "name" {
  type = string
}

variable "public_ip" {
  type    = bool
  default = false
}

resource "aws_launch_configuration" "this" {
  name_prefix                 = "${var.name}-"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public_ip
}

resource "aws_autoscaling_group" "this" {
  name                 = var.name
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
  launch_configuration = aws_launch_configuration.this.name
}
