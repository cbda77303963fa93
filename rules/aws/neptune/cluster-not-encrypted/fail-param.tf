# Encryption from a variable whose default is false.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  storage_encrypted  = var.encrypt # expect
}
