# Encrypted between nodes, or decided by a value only known at apply time.
data "aws_ssm_parameter" "n2n" {
  name = "/search/node-to-node"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  node_to_node_encryption {
    enabled = true
  }
}

resource "aws_opensearch_domain" "unknown" {
  domain_name    = "unknown"
  engine_version = "OpenSearch_2.11"

  node_to_node_encryption {
    enabled = data.aws_ssm_parameter.n2n.value
  }
}
