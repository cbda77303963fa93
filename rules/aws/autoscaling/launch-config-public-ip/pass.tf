# No public address, the subnet's default, and a setting known only at apply time.
resource "aws_launch_configuration" "web" {
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}

resource "aws_launch_configuration" "default" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

data "aws_subnet" "selected" {
  tags = {
    Tier = "app"
  }
}

resource "aws_launch_configuration" "from_subnet" {
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = data.aws_subnet.selected.map_public_ip_on_launch
}
