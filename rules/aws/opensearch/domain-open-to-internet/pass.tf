# Open statements that do not reach the internet: narrowed to a source range, on a domain in a VPC,
# behind fine-grained access control; and a principal only known at apply time.
data "aws_ssm_parameter" "principal" {
  name = "/search/allowed-principal"
}

resource "aws_opensearch_domain" "ip_restricted" {
  domain_name    = "restricted"
  engine_version = "OpenSearch_2.11"

  access_policies = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "es:ESHttp*"
        Resource  = "*"
        Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
      },
    ]
  })
}

# In a VPC: the public statement comes from the split policy resource.
resource "aws_opensearch_domain" "in_vpc" {
  domain_name    = "in-vpc"
  engine_version = "OpenSearch_2.11"

  vpc_options {
    subnet_ids         = ["subnet-0a1b2c3d"]
    security_group_ids = ["sg-0a1b2c3d"]
  }
}

resource "aws_opensearch_domain_policy" "in_vpc" {
  domain_name = aws_opensearch_domain.in_vpc.domain_name
  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:*", Resource = "*" }]
  })
}

resource "aws_opensearch_domain" "fine_grained" {
  domain_name    = "fine-grained"
  engine_version = "OpenSearch_2.11"

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = false
    master_user_options {
      master_user_arn = "arn:aws:iam::111122223333:role/search-admin"
    }
  }

  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:ESHttp*", Resource = "*" }]
  })
}

resource "aws_opensearch_domain" "unknown" {
  domain_name    = "unknown"
  engine_version = "OpenSearch_2.11"

  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = data.aws_ssm_parameter.principal.value }, Action = "es:*", Resource = "*" }]
  })
}
