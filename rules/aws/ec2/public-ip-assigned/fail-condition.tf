# The address depends on a variable whose default is public.
variable "exposure" {
  type    = string
  default = "public"
}

resource "aws_instance" "server" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = var.exposure == "public" # expect
}
