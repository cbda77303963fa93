# TLS on, unknown before deployment, Memcached with TLS, and a standalone Redis cluster (not
# concerned by this rule).
variable "tls" {
  type = bool
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}

resource "aws_elasticache_replication_group" "from_variable" {
  replication_group_id       = "carts"
  description                = "carts"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  transit_encryption_enabled = var.tls
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id                 = "pages"
  engine                     = "memcached"
  engine_version             = "1.6.22"
  node_type                  = "cache.t4g.small"
  num_cache_nodes            = 2
  transit_encryption_enabled = true
}

resource "aws_elasticache_cluster" "redis" {
  cluster_id      = "scratch"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}
