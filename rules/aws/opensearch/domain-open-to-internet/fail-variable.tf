# The allowed principal comes from a variable whose default is "*".
variable "allowed_principal" {
  type    = string
  default = "*"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
}

resource "aws_opensearch_domain_policy" "search" {
  domain_name = aws_opensearch_domain.search.domain_name
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = var.allowed_principal }, Action = "es:*", Resource = "*" }, # expect
    ]
  })
}
