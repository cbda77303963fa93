# A non-default port, or one known only at deployment.
variable "port" {
  type = number
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  subnet_group_name    = "private-cache"
  port                 = 16379
}

resource "aws_elasticache_replication_group" "from_variable" {
  replication_group_id = "carts"
  description          = "carts"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  subnet_group_name    = "private-cache"
  port                 = var.port
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
  port            = 11311
}
