# Direct internet access explicitly enabled, or left to its default (Enabled).
resource "aws_sagemaker_notebook_instance" "explicit" {
  name                   = "explicit"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  direct_internet_access = "Enabled" # expect
}

resource "aws_sagemaker_notebook_instance" "default" { # expect
  name            = "default"
  instance_type   = "ml.t3.medium"
  role_arn        = "arn:aws:iam::111122223333:role/notebook"
  subnet_id       = "subnet-0a1b2c3d"
  security_groups = ["sg-0a1b2c3d"]
}
