# A local module that creates a user and, on request, an access key for it.
module "ci_user" {
  source     = "./modules/user"
  name       = "ci"
  create_key = true
}

module "reader" {
  source = "./modules/user"
  name   = "reader"
}
# --- file: modules/user/main.tf
variable "name" {
  type = string
}

variable "create_key" {
  type    = bool
  default = false
}

resource "aws_iam_user" "this" {
  name = var.name
}

resource "aws_iam_access_key" "this" { # expect
  count = var.create_key ? 1 : 0
  user  = aws_iam_user.this.name
}
