# In a subnet of the configuration, or one only known at apply time.
resource "aws_subnet" "notebooks" {
  vpc_id     = "vpc-0a1b2c3d"
  cidr_block = "10.0.1.0/24"
}

data "aws_subnet" "shared" {
  filter {
    name   = "tag:Name"
    values = ["notebooks"]
  }
}

resource "aws_sagemaker_notebook_instance" "notebook" {
  name                   = "notebook"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  subnet_id              = aws_subnet.notebooks.id
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "shared" {
  name            = "shared"
  instance_type   = "ml.t3.medium"
  role_arn        = "arn:aws:iam::111122223333:role/notebook"
  subnet_id       = data.aws_subnet.shared.id
  security_groups = ["sg-0a1b2c3d"]
}
