# The trusted account comes from a variable that defaults to "*".
variable "trusted_account" {
  type    = string
  default = "*"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.trusted_account]
    }
  }
}

resource "aws_iam_role" "from_variable" {
  name               = "from-variable"
  assume_role_policy = data.aws_iam_policy_document.trust.json # expect
}
