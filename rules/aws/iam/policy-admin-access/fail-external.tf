# AdministratorAccess attached to a role and a user that this configuration does not declare:
# the attachment still grants it, and is reported.
resource "aws_iam_role_policy_attachment" "ops_admin" {
  role       = "existing-ops-role"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # expect
}

resource "aws_iam_user_policy_attachment" "breakglass_admin" {
  user       = "breakglass"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # expect
}
