# No encrypt_at_rest block (defaults to off) and encryption turned off.
resource "aws_opensearch_domain" "search" { # expect
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  cluster_config {
    instance_type  = "t3.small.search"
    instance_count = 1
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = false # expect
  }
}
