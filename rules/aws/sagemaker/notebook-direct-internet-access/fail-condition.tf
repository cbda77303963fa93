# Internet access only in the sandbox; the environment defaults to sandbox.
variable "env" {
  type    = string
  default = "sandbox"
}

resource "aws_sagemaker_notebook_instance" "notebook" {
  name                   = "notebook-${var.env}"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  subnet_id              = "subnet-0a1b2c3d"
  security_groups        = ["sg-0a1b2c3d"]
  direct_internet_access = var.env == "sandbox" ? "Enabled" : "Disabled" # expect
}
