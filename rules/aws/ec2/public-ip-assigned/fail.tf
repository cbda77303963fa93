# A public IPv4 address on an instance's primary interface and on a launch template's
# interface.
resource "aws_instance" "server" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = true # expect
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = "true" # expect
    security_groups             = ["sg-0123456789abcdef0"]
  }
}
