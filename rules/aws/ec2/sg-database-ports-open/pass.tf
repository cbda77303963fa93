# Database ports from a security group or a private range, a port known only at apply time,
# and HTTPS from anywhere.
data "aws_db_instance" "main" {
  db_instance_identifier = "main"
}

resource "aws_security_group" "data" {
  name        = "data"
  description = "data tier"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol        = "tcp"
    from_port       = 3306
    to_port         = 3306
    security_groups = ["sg-0123456789abcdef0"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["172.16.0.0/12"]
  }

  ingress {
    protocol    = "tcp"
    from_port   = data.aws_db_instance.main.port
    to_port     = data.aws_db_instance.main.port
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    protocol         = "tcp"
    from_port        = 443
    to_port          = 443
    ipv6_cidr_blocks = ["::/0"]
  }
}
