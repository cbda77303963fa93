# The organisation condition is added by a dynamic block only when an organisation id is
# given; it defaults to "", which leaves the role open to everyone.
variable "org_id" {
  type    = string
  default = ""
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    dynamic "condition" {
      for_each = var.org_id == "" ? [] : [var.org_id]
      content {
        test     = "StringEquals"
        variable = "aws:PrincipalOrgID"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_iam_role" "shared" {
  name               = "shared"
  assume_role_policy = data.aws_iam_policy_document.trust.json # expect
}
