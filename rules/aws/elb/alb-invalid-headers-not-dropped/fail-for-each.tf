# ALBs created with for_each, none dropping invalid headers: every instance is a finding on
# the same line.
resource "aws_lb" "this" { # expect
  for_each = toset(["public", "admin"])

  name                       = each.key
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  enable_deletion_protection = true
}
