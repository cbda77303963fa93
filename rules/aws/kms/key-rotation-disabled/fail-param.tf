# Rotation is turned on only in prod; the stage defaults to dev.
variable "stage" {
  type    = string
  default = "dev"
}

resource "aws_kms_key" "key" {
  description         = "application key"
  enable_key_rotation = var.stage == "prod" # expect
}
