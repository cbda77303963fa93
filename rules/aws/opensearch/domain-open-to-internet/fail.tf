# A public domain whose access policy (jsonencode) allows everyone; the second statement names a
# role and is fine. Each statement is a finding on its own line.
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "es:*", Resource = "arn:aws:es:eu-west-1:111122223333:domain/search/*" }, # expect
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:role/indexer" }, Action = "es:ESHttpPost", Resource = "*" },
    ]
  })
}
