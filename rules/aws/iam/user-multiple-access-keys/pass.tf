# One active key and one inactive key for a user (a rotation in progress), and a key whose
# user is unknown before apply.
variable "user_a" {
  type = string
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "rotating" {
  user = aws_iam_user.ci.name
}

resource "aws_iam_access_key" "retired" {
  user   = aws_iam_user.ci.name
  status = "Inactive"
}

resource "aws_iam_access_key" "unknown" {
  user = var.user_a
}
