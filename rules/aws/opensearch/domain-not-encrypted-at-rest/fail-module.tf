# A local module builds the domain; the caller passes encrypt = false.
module "search" {
  source  = "./modules/search"
  name    = "search"
  encrypt = false # expect
}
# --- file: modules/search/main.tf
variable "name" {
  type    = string
  default = "search"
}

variable "encrypt" {
  type    = bool
  default = true
}

resource "aws_opensearch_domain" "this" {
  domain_name    = var.name
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled = var.encrypt
  }
}
