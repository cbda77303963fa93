# Two keys made with count for one user: each instance is reported, on the same line.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" { # expect
  count = 2
  user  = aws_iam_user.ci.name
}
