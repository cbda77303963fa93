# "*" pinned to the organisation, a named account unknown before apply (with a Deny to
# everyone), and a service principal.
variable "trusted_account" {
  type = string
}

resource "aws_iam_role" "org" {
  name = "org"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

data "aws_iam_policy_document" "account" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.trusted_account]
    }
  }

  statement {
    effect  = "Deny"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "account" {
  name               = "account"
  assume_role_policy = data.aws_iam_policy_document.account.json
}

resource "aws_iam_role" "service" {
  name               = "service"
  assume_role_policy = <<-EOT
    {
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }
  EOT
}
