# A local module takes the key policy as an input: the finding points at the module call.
data "aws_iam_policy_document" "public_encrypt" {
  statement {
    actions   = ["kms:Encrypt"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

module "key" {
  source = "./modules/key"
  policy = data.aws_iam_policy_document.public_encrypt.json # expect
}
# --- file: modules/key/main.tf
variable "policy" {
  type    = string
  default = null
}

resource "aws_kms_key" "this" {
  enable_key_rotation = true
  policy              = var.policy
}
