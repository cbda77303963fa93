# The allowed subject comes from a variable that defaults to "repo:*".
variable "subject" {
  type    = string
  default = "repo:*"
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = var.subject } }
    }]
  })
}
