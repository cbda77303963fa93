# An auto-loaded tfvars file turns rotation off: the finding points where the variable is used.
variable "rotate" {
  type    = bool
  default = true
}

resource "aws_kms_key" "key" {
  description         = "application key"
  enable_key_rotation = var.rotate # expect
}
# --- file: dev.auto.tfvars
rotate = false
