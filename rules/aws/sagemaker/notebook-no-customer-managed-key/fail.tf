# No key, and an empty key.
resource "aws_sagemaker_notebook_instance" "notebook" { # expect
  name          = "notebook"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
}

resource "aws_sagemaker_notebook_instance" "empty" {
  name          = "empty"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id    = "" # expect
}
