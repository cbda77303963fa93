# A reset required at first sign-in, a flag unknown before apply, and a user without console
# access.
variable "force_reset" {
  type = bool
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}

resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_user_login_profile" "bob" {
  user                    = aws_iam_user.bob.name
  password_reset_required = var.force_reset
}

resource "aws_iam_user" "deployer" {
  name = "deployer"
}
