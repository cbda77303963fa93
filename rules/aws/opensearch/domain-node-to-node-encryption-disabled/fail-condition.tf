# Only production encrypts between nodes; the environment defaults to dev.
variable "env" {
  type    = string
  default = "dev"
}

locals {
  is_prod = var.env == "prod"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search-${var.env}"
  engine_version = "OpenSearch_2.11"

  node_to_node_encryption {
    enabled = local.is_prod # expect
  }
}
