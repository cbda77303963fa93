# Every instance launched from this configuration gets a public IPv4 address.
resource "aws_launch_configuration" "web" {
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true # expect
}
