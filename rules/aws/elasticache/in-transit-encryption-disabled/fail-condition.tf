# TLS only in production; the variable default is development.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions-${var.env}"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  transit_encryption_enabled = var.env == "prod" ? true : false # expect
}
