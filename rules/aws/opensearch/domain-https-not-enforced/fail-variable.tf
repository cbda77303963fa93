# The setting comes from a variable whose default turns HTTPS enforcement off.
variable "enforce_https" {
  type    = bool
  default = false
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  domain_endpoint_options {
    enforce_https       = var.enforce_https # expect
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}
