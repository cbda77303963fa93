# Keys made with for_each from a map; only "audit" leaves rotation off.
locals {
  keys = {
    app   = { rotate = true }
    audit = { rotate = false }
  }
}

resource "aws_kms_key" "this" {
  for_each            = local.keys
  description         = "${each.key} key"
  enable_key_rotation = each.value.rotate # expect
}
