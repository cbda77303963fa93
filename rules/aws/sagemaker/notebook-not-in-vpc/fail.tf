# No subnet_id: the notebook runs outside the VPC.
resource "aws_sagemaker_notebook_instance" "notebook" { # expect
  name            = "notebook"
  instance_type   = "ml.t3.medium"
  role_arn        = "arn:aws:iam::111122223333:role/notebook"
  security_groups = ["sg-0a1b2c3d"]
}
