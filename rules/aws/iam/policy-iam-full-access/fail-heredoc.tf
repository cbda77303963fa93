# A heredoc policy template with an interpolated service prefix, kept in a local and used by a
# group policy.
locals {
  service      = "iam"
  admin_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "${local.service}:*", "Resource": "*"}]
    }
  EOT
}

resource "aws_iam_group" "identity_admins" {
  name = "identity-admins"
}

resource "aws_iam_group_policy" "identity_admins" {
  name   = "iam"
  group  = aws_iam_group.identity_admins.name
  policy = local.admin_policy # expect
}
