# Actions looked up in a map by stage, a resource chosen by a conditional, and a policy ARN
# built from variables; the defaults give administrator access everywhere.
variable "stage" {
  type    = string
  default = "dev"
}

variable "admin_policy" {
  type    = string
  default = "AdministratorAccess"
}

locals {
  partition = "aws"
  actions = {
    dev  = "*"
    prod = "s3:GetObject"
  }
}

resource "aws_iam_role_policy" "from_mapping" {
  name = "app"
  role = "app"
  policy = jsonencode({ # expect
    Statement = [{ Effect = "Allow", Action = local.actions[var.stage], Resource = "*" }]
  })
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

data "aws_iam_policy_document" "ops" {
  statement {
    actions   = ["*"]
    resources = [var.stage == "prod" ? "arn:aws:s3:::logs/*" : "*"]
  }
}

resource "aws_iam_group_policy" "ops" {
  name   = "ops"
  group  = aws_iam_group.ops.name
  policy = data.aws_iam_policy_document.ops.json # expect
}

resource "aws_iam_group_policy_attachment" "ops" {
  group      = aws_iam_group.ops.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/${var.admin_policy}" # expect
}
