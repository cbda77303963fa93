# Cross-account trust with an external ID or MFA, the own account (unknown before apply), an
# account and an external ID from variables without default, and a service principal.
variable "vendor_account" {
  type = string
}

variable "external_id" {
  type      = string
  sensitive = true
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "with_external_id" {
  name = "with-external-id"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "7c1a4f0e-2b1d-4c55-9f63-5d0b4a6e8e21" } }
    }]
  })
}

data "aws_iam_policy_document" "with_mfa" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "with_mfa" {
  name               = "with-mfa"
  assume_role_policy = data.aws_iam_policy_document.with_mfa.json
}

resource "aws_iam_role" "same_account" {
  name = "same-account"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "unknown_account" {
  name = "unknown-account"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.vendor_account}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "variable_external_id" {
  name = "variable-external-id"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
    }]
  })
}

resource "aws_iam_role" "service" {
  name = "service"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
