# Two active keys for a user named by string (not declared here).
resource "aws_iam_access_key" "deploy_old" { # expect
  user = "deploy"
}

resource "aws_iam_access_key" "deploy_new" { # expect
  user = "deploy"
}
