# Full administrative access: a managed policy (jsonencode), a role policy written as a JSON
# string, an inline policy of a role (heredoc kept in a local) and the AWS managed
# AdministratorAccess policy in the role's managed_policy_arns.
resource "aws_iam_policy" "everything" {
  name = "everything"
  policy = jsonencode({ # expect
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_role_policy" "as_string" {
  name   = "everything"
  role   = "ops"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"*\"], \"Resource\": [\"*\"]}]}" # expect
}

locals {
  all_policy = <<-EOT
    {
      "Statement": [{
        "Effect": "Allow",
        "Action": ["s3:GetObject", "*"],
        "Resource": "*",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
      }]
    }
  EOT
}

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name = "read"
    policy = jsonencode({
      Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
    })
  }

  inline_policy {
    name   = "all"
    policy = local.all_policy # expect
  }

  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws:iam::aws:policy/AdministratorAccess", # expect
  ]
}
