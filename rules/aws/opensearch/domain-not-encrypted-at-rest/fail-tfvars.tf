# The variable defaults to encrypted, but terraform.tfvars turns encryption off.
variable "encrypt" {
  type    = bool
  default = true
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled = var.encrypt # expect
  }
}
# --- file: terraform.tfvars
encrypt = false
