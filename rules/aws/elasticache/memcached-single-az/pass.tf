# Cross-AZ, a single node, or a node count known only at deployment.
variable "nodes" {
  type = number
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  az_mode         = "cross-az"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 3
}

resource "aws_elasticache_cluster" "one_node" {
  cluster_id      = "fragments"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "from_variable" {
  cluster_id      = "sessions"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = var.nodes
}
