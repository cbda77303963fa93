# A local role module takes its trust policy as an input: the finding points at the call.
data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

module "open_role" {
  source             = "./modules/role"
  name               = "open"
  assume_role_policy = data.aws_iam_policy_document.anyone.json # expect
}
# --- file: modules/role/main.tf
variable "name" {
  type = string
}

variable "assume_role_policy" {
  type = string
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = var.assume_role_policy
}
