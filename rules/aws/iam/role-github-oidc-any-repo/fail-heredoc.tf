# A heredoc trust policy template (kept in a local) that interpolates the provider's ARN and
# tests only the audience.
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

locals {
  deploy_trust = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"Federated": "${aws_iam_openid_connect_provider.github.arn}"},
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
        }
      ]
    }
  EOT
}

resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = local.deploy_trust # expect
}
