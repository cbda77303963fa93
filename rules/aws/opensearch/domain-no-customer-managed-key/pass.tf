# A customer managed key (a reference, or a value only known at apply time); a domain not encrypted
# at all is another rule's finding.
resource "aws_kms_key" "search" {
  description         = "search domain"
  enable_key_rotation = true
}

data "aws_kms_key" "shared" {
  key_id = "alias/shared-search"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
}

resource "aws_opensearch_domain" "shared" {
  domain_name    = "shared"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = data.aws_kms_key.shared.arn
  }
}

resource "aws_elasticsearch_domain" "unencrypted" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
}
