# A key of the configuration, a key only known at apply time, and a key by alias.
resource "aws_kms_key" "notebooks" {
  description         = "notebooks"
  enable_key_rotation = true
}

data "aws_kms_key" "shared" {
  key_id = "alias/shared-notebooks"
}

resource "aws_sagemaker_notebook_instance" "notebook" {
  name          = "notebook"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id    = aws_kms_key.notebooks.key_id
}

resource "aws_sagemaker_notebook_instance" "shared" {
  name          = "shared"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id    = data.aws_kms_key.shared.arn
}

resource "aws_sagemaker_notebook_instance" "named" {
  name          = "named"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  kms_key_id    = "alias/notebooks"
}
