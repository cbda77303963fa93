# Internet access disabled, or only known at apply time.
data "aws_ssm_parameter" "access" {
  name = "/notebooks/internet-access"
}

resource "aws_sagemaker_notebook_instance" "notebook" {
  name                   = "notebook"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  subnet_id              = "subnet-0a1b2c3d"
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "unknown" {
  name                   = "unknown"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  direct_internet_access = data.aws_ssm_parameter.access.value
}
