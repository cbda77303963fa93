# The reset flag comes from a variable that defaults to false.
variable "force_reset" {
  type    = bool
  default = false
}

resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_user_login_profile" "carol" {
  user                    = aws_iam_user.carol.name
  password_reset_required = var.force_reset # expect
}
