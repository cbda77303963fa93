# A managed policy attached to a user that this configuration does not declare.
resource "aws_iam_user_policy_attachment" "dave_read" {
  user       = "dave"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # expect
}
