# Two domains from count; the key variable defaults to null, which leaves kms_key_id unset.
variable "kms_key_arn" {
  type    = string
  default = null
}

resource "aws_opensearch_domain" "search" {
  count          = 2
  domain_name    = "search-${count.index}"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest { # expect
    enabled    = true
    kms_key_id = var.kms_key_arn
  }
}
