# The engine's default port, written (Redis 6379) or left out (Memcached 11211, and Redis as the
# replication group's default engine).
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  subnet_group_name    = "private-cache"
  port                 = 6379 # expect
}

resource "aws_elasticache_replication_group" "default" { # expect
  replication_group_id = "carts"
  description          = "carts"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}

resource "aws_elasticache_cluster" "memcached" { # expect
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}
