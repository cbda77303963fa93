# A wildcard built from a variable with a default, for each zone of a for_each.
variable "zones" {
  type    = set(string)
  default = ["example.com", "example.org"]
}

resource "aws_acm_certificate" "wildcard" {
  for_each = var.zones

  domain_name       = "*.${each.key}" # expect
  validation_method = "DNS"
}
