# Encrypted only in production; the environment defaults to dev.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared-${var.env}"
  encrypted      = var.env == "prod" # expect
}
