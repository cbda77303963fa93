# Access keys created by the configuration: status left to its default (Active), and Active
# written out.
resource "aws_iam_user" "deployer" {
  name = "deployer"
}

resource "aws_iam_access_key" "deployer" { # expect
  user = aws_iam_user.deployer.name
}

resource "aws_iam_access_key" "legacy" {
  user   = "legacy-ci"
  status = "Active" # expect
}
