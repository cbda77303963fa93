# Two active keys for the same user of the configuration: both are reported, at the key
# resources. "other" is the only key of its user.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci_a" { # expect
  user = aws_iam_user.ci.name
}

resource "aws_iam_access_key" "ci_b" { # expect
  user   = aws_iam_user.ci.name
  status = "Active"
}

resource "aws_iam_access_key" "other" {
  user = "someone-else"
}
