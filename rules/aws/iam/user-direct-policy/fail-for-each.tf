# Managed policies attached to users with for_each over a set of user names.
resource "aws_iam_user" "team" {
  for_each = toset(["erin", "frank"])
  name     = each.key
}

resource "aws_iam_user_policy_attachment" "team_read" {
  for_each   = aws_iam_user.team
  user       = each.value.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # expect
}
