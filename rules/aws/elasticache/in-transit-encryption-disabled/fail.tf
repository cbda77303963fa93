# TLS left out (default false) or switched off on replication groups, and a Memcached cluster
# without TLS.
resource "aws_elasticache_replication_group" "sessions" { # expect
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  at_rest_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  transit_encryption_enabled = false # expect
}

resource "aws_elasticache_cluster" "memcached" { # expect
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
