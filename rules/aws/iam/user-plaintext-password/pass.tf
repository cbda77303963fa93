# The AWS provider has no argument for an IAM user's console password: aws_iam_user_login_profile
# always generates it at apply time (returned PGP-encrypted, or in the state without pgp_key),
# so a Terraform configuration never holds it in clear.
resource "aws_iam_user" "from_pgp" {
  name = "from-pgp"
}

resource "aws_iam_user_login_profile" "from_pgp" {
  user                    = aws_iam_user.from_pgp.name
  pgp_key                 = "keybase:from_pgp"
  password_reset_required = true
}

resource "aws_iam_user" "generated" {
  name = "generated"
}

resource "aws_iam_user_login_profile" "generated" {
  user                    = aws_iam_user.generated.name
  password_length         = 24
  password_reset_required = true
}

resource "aws_iam_user" "no_console" {
  name = "no-console"
}
