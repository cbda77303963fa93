# One repository per service from for_each, none scanning on push.
resource "aws_ecr_repository" "service" { # expect
  for_each = toset(["api", "web", "worker"])
  name     = each.key
}
