# The node count comes from locals; az_mode is left to the default.
locals {
  cache = {
    engine = "memcached"
    nodes  = 3
  }
}

resource "aws_elasticache_cluster" "memcached" { # expect
  cluster_id      = "pages"
  engine          = local.cache.engine
  node_type       = "cache.t4g.small"
  num_cache_nodes = local.cache.nodes
}
