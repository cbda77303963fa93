# The same shop's new services, in Terraform.

variable "environment" {
  type    = string
  default = "staging"
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["10.20.0.0/16"]
}

locals {
  prefix = "shop-${var.environment}"
  # Production gets a public website; the bucket module is told so through its input.
  website_acl = var.environment == "prod" ? "public-read" : "private"
}

module "site" {
  source = "./modules/static-site"
  name   = "${local.prefix}-site"
  acl    = local.website_acl
}

resource "aws_security_group" "bastion" {
  name        = "${local.prefix}-bastion"
  description = "Bastion host"
  vpc_id      = "vpc-0a1b2c3d"

  dynamic "ingress" {
    for_each = var.admin_cidrs
    content {
      description = "SSH from the office"
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }
}

data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["s3:PutObject", "cloudfront:CreateInvalidation", "iam:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "deploy" {
  name = "${local.prefix}-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
      }
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
