# The provider ARN comes from a variable with a default, and nothing pins the subject.
variable "provider_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:oidc-provider/gitlab.com"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.provider_arn]
    }
  }
}

resource "aws_iam_role" "no_condition" {
  name               = "no-condition"
  assume_role_policy = data.aws_iam_policy_document.trust.json # expect
}
