# One trust policy and one role per vendor (for_each on a data source and a resource); the
# external ID condition is added by a dynamic block only when the vendor has one.
locals {
  vendors = {
    acme   = { account = "444455556666", external_id = "7c1a4f0e-2b1d-4c55-9f63-5d0b4a6e8e21" }
    globex = { account = "777788889999", external_id = null }
  }
}

data "aws_iam_policy_document" "vendor_trust" {
  for_each = local.vendors

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${each.value.account}:root"]
    }

    dynamic "condition" {
      for_each = each.value.external_id == null ? [] : [each.value.external_id]
      content {
        test     = "StringEquals"
        variable = "sts:ExternalId"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_iam_role" "vendor" {
  for_each           = local.vendors
  name               = "vendor-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.vendor_trust[each.key].json # expect
}
