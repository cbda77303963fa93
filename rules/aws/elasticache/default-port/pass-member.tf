# A cache cluster added to a replication group uses the group's (non-default) port; it has no
# engine or port of its own and is not judged as a standalone cluster.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
  port                 = 16379
}

resource "aws_elasticache_cluster" "replica" {
  cluster_id           = "sessions-extra"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}
