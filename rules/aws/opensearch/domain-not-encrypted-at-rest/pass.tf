# Encrypted (with a customer managed key), or decided by a value only known at apply time.
data "aws_ssm_parameter" "encrypt" {
  name = "/search/encrypt"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/search"
  }
}

resource "aws_elasticsearch_domain" "unknown" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = data.aws_ssm_parameter.encrypt.value
  }
}
