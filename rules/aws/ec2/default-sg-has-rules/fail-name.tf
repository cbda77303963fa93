# A group declared with the reserved name `default` and rules: the finding is on the group.
resource "aws_security_group" "default" { # expect
  name        = "default"
  description = "default VPC security group"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
}
