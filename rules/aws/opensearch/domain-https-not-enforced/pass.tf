# HTTPS enforced explicitly; a domain_endpoint_options block without enforce_https (the provider
# defaults it to true, unlike CloudFormation); a value only known at apply time.
data "aws_ssm_parameter" "https" {
  name = "/search/enforce-https"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

resource "aws_elasticsearch_domain" "provider_default" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

resource "aws_opensearch_domain" "unknown" {
  domain_name    = "unknown"
  engine_version = "OpenSearch_2.11"

  domain_endpoint_options {
    enforce_https = data.aws_ssm_parameter.https.value
  }
}
