# Encrypted, unknown before deployment, Memcached (no at-rest encryption to turn on), and a
# serverless cache (always encrypted; another kind).
variable "encrypt" {
  type = bool
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  at_rest_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_elasticache_replication_group" "from_variable" {
  replication_group_id       = "carts"
  description                = "carts"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  subnet_group_name          = "private-cache"
  at_rest_encryption_enabled = var.encrypt
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

resource "aws_elasticache_serverless_cache" "serverless" {
  name   = "tokens"
  engine = "redis"
}
