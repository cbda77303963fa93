# One replication group per service from a map (for_each); the engine default is Redis, and none
# encrypts at rest: one finding per group, on the resource line.
variable "caches" {
  type = map(number)
  default = {
    sessions = 2
    carts    = 3
  }
}

resource "aws_elasticache_replication_group" "cache" { # expect
  for_each             = var.caches
  replication_group_id = each.key
  description          = "${each.key} cache"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = each.value
}
