# A group in a VPC of the configuration, and one in a VPC looked up with a data source.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app"
  vpc_id      = aws_vpc.main.id
}

data "aws_vpc" "shared" {
  tags = {
    Name = "shared"
  }
}

resource "aws_security_group" "shared" {
  name        = "shared"
  description = "shared services"
  vpc_id      = data.aws_vpc.shared.id
}
