# Every group and rule described.
resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
    description = "HTTPS from the VPC"
  }

  ingress {
    protocol    = "tcp"
    from_port   = 8443
    to_port     = 8443
    cidr_blocks = ["10.0.0.0/8", "172.16.0.0/12"]
    description = "admin console from private ranges"
  }
}

resource "aws_vpc_security_group_egress_rule" "extra" {
  security_group_id            = aws_security_group.app.id
  description                  = "to the database tier"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}
