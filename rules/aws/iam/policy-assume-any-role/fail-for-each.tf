# One role policy per role, made with for_each: every instance raises its own finding on the
# same line.
resource "aws_iam_role_policy" "hop" {
  for_each = toset(["deployer", "operator"])
  name     = "hop"
  role     = each.key
  policy = jsonencode({ # expect
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = ["*"] }]
  })
}
