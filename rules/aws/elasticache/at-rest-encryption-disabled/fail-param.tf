# At-rest encryption from a variable whose default is false.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  at_rest_encryption_enabled = var.encrypt # expect
}
