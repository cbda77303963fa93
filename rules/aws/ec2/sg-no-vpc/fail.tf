# A group without vpc_id lands in the region's default VPC.
resource "aws_security_group" "legacy" { # expect
  name        = "legacy"
  description = "created in the default VPC"

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
  }
}
