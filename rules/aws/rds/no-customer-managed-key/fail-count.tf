# Three shards created with count, all without a customer managed key: one finding each, on the
# resource line.
variable "shards" {
  type    = number
  default = 3
}

resource "aws_db_instance" "shard" { # expect
  count             = var.shards
  identifier        = "orders-${count.index}"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
}
