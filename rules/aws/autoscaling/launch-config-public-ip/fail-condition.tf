# Public addresses for the public tier, the default.
variable "tier" {
  type    = string
  default = "public"
}

resource "aws_launch_configuration" "web" {
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.tier == "public" # expect
}
