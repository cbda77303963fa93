# Inline policies generated with a dynamic block; the "power" one allows all but IAM. A group
# policy written as a heredoc in a local does the same.
locals {
  inline_policies = {
    read = jsonencode({
      Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
    })
    power = jsonencode({
      Statement = [{ Effect = "Allow", NotAction = ["iam:*", "sts:*"], Resource = "*" }]
    })
  }

  power_users_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]
    }
  EOT
}

resource "aws_iam_role" "developer" {
  name = "developer"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "sts:AssumeRole"
    }]
  })

  dynamic "inline_policy" {
    for_each = local.inline_policies
    content {
      name   = inline_policy.key
      policy = inline_policy.value # expect
    }
  }
}

resource "aws_iam_group" "power_users" {
  name = "power-users"
}

resource "aws_iam_group_policy" "power_users" {
  name   = "power"
  group  = aws_iam_group.power_users.name
  policy = local.power_users_policy # expect
}
