# HTTPS not enforced: turned off explicitly, or no domain_endpoint_options block at all (the API then
# leaves EnforceHTTPS false).
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  domain_endpoint_options {
    enforce_https       = false # expect
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

resource "aws_elasticsearch_domain" "legacy" { # expect
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
}
