# No public address, a launch template that does not ask for one, and an address setting known
# only at apply time.
resource "aws_instance" "server" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = false
}

data "aws_subnet" "selected" {
  tags = {
    Tier = "app"
  }
}

resource "aws_instance" "unknown" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = data.aws_subnet.selected.id
  associate_public_ip_address = data.aws_subnet.selected.map_public_ip_on_launch
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  network_interfaces {
    device_index    = 0
    security_groups = ["sg-0123456789abcdef0"]
  }
}
