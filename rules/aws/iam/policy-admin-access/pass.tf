# Broad but not administrative statements, actions unknown before apply, and managed policies
# other than AdministratorAccess (one is only known after apply).
variable "actions" {
  type = list(string)
}

variable "policy_arn" {
  type = string
}

resource "aws_iam_policy" "service_wide" {
  name = "service-wide"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "s3:*", Resource = "*" },
      { Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::data-bucket/*" },
      {
        Effect    = "Deny"
        Action    = "*"
        Resource  = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

resource "aws_iam_role_policy" "unknown" {
  name = "unknown"
  role = "app"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }]
  })
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::123456789012:policy/AdministratorAccessToBilling",
    var.policy_arn,
  ]
}

resource "aws_iam_policy" "billing" {
  name = "AdministratorAccess"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "aws-portal:*", Resource = "*" }]
  })
}

resource "aws_iam_role" "billing" {
  name = "billing"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# A customer managed policy that happens to be named AdministratorAccess.
resource "aws_iam_role_policy_attachment" "billing" {
  role       = aws_iam_role.billing.name
  policy_arn = aws_iam_policy.billing.arn
}
