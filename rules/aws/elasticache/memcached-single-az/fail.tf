# Several Memcached nodes in one AZ: written, or left to the default (single-az).
resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  az_mode         = "single-az" # expect
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 3
}

resource "aws_elasticache_cluster" "default" { # expect
  cluster_id      = "fragments"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
