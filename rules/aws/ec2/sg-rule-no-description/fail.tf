# An ingress block and an egress block without description (the group's findings are on its
# first ingress and first egress block), a rule resource without description, and a group
# whose description is empty.
resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress { # expect
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
    description = "HTTPS from the VPC"
  }

  ingress {
    protocol    = "tcp"
    from_port   = 8080
    to_port     = 8080
    cidr_blocks = ["10.0.0.0/8"]
  }

  egress { # expect
    protocol    = "tcp"
    from_port   = 5432
    to_port     = 5432
    cidr_blocks = ["10.0.0.0/8"]
    description = ""
  }
}

resource "aws_vpc_security_group_ingress_rule" "extra" { # expect
  security_group_id            = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 9000
  to_port                      = 9000
  referenced_security_group_id = aws_security_group.app.id
}

resource "aws_security_group" "no_group_description" {
  name        = "no-description"
  description = "" # expect
  vpc_id      = "vpc-0123456789abcdef0"
}
