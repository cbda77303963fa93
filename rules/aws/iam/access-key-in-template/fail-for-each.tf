# Keys made with for_each from a map of statuses; only the active one is reported.
locals {
  keys = {
    ci     = "Active"
    legacy = "Inactive"
  }
}

resource "aws_iam_access_key" "this" {
  for_each = local.keys
  user     = each.key
  status   = each.value # expect
}
