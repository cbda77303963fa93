# Explicitly private, private by default, a default subnet switched to private, and a setting
# known only at apply time.
resource "aws_subnet" "private" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.2.0/24"
  map_public_ip_on_launch = false
}

resource "aws_subnet" "default" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.3.0/24"
}

resource "aws_default_subnet" "az1" {
  availability_zone       = "us-east-1a"
  map_public_ip_on_launch = false
}

data "aws_subnet" "template" {
  tags = {
    Name = "template"
  }
}

resource "aws_subnet" "copied" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.4.0/24"
  map_public_ip_on_launch = data.aws_subnet.template.map_public_ip_on_launch
}
