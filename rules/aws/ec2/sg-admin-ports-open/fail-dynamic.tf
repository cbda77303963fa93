# Ingress blocks generated from a list of ports: the finding is on the group's ingress list,
# which starts at the dynamic block.
variable "public_ports" {
  type    = list(number)
  default = [80, 445, 2049]
}

resource "aws_security_group" "files" {
  name        = "files"
  description = "file sharing"
  vpc_id      = "vpc-0123456789abcdef0"

  dynamic "ingress" { # expect
    for_each = var.public_ports

    content {
      protocol    = "tcp"
      from_port   = ingress.value
      to_port     = ingress.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
