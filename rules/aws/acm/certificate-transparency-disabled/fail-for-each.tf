# One certificate per internal host with for_each, the preference from a local: one marker for
# every instance.
locals {
  internal_hosts = toset(["admin.example.com", "metrics.example.com"])
  ct_preference  = "DISABLED"
}

resource "aws_acm_certificate" "internal" {
  for_each = local.internal_hosts

  domain_name       = each.key
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = local.ct_preference # expect
  }
}
