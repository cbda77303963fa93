# A group without `description` gets the provider's default, "Managed by Terraform", which is
# not empty; its rules are described.
resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
    description = "HTTPS from the VPC"
  }
}
