# Administration ports from private ranges or a range known only at apply time, and web ports
# from anywhere.
data "aws_vpc" "shared" {
  tags = {
    Name = "shared"
  }
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin access"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "tcp"
    from_port   = 5985
    to_port     = 5986
    cidr_blocks = ["10.1.0.0/16"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 2049
    to_port     = 2049
    cidr_blocks = [data.aws_vpc.shared.cidr_block]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol         = "tcp"
    from_port        = 443
    to_port          = 443
    ipv6_cidr_blocks = ["::/0"]
  }
}
