# Encrypted at rest with the AWS managed aws/es key: no kms_key_id.
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest { # expect
    enabled = true
  }
}
