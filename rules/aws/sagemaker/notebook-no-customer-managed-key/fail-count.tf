# Notebooks from count; the key variable defaults to null, which leaves kms_key_id unset.
variable "notebook_key" {
  type    = string
  default = null
}

resource "aws_sagemaker_notebook_instance" "notebook" { # expect
  count         = 3
  name          = "notebook-${count.index}"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id    = var.notebook_key
}
