# A local module builds the domain; the caller turns HTTPS enforcement off.
module "search" {
  source        = "./modules/search"
  name          = "search"
  enforce_https = false # expect
}
# --- file: modules/search/main.tf
variable "name" {
  type    = string
  default = "search"
}

variable "enforce_https" {
  type    = bool
  default = true
}

resource "aws_opensearch_domain" "this" {
  domain_name    = var.name
  engine_version = "OpenSearch_2.11"

  domain_endpoint_options {
    enforce_https       = var.enforce_https
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}
