# Encryption from a variable whose default is false.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = var.encrypt # expect
}
