# A local module encrypts by default; the caller passes false (reported on the caller's line).
module "catalog" {
  source    = "./modules/docdb"
  name      = "catalog"
  encrypted = false # expect
}
# --- file: modules/docdb/variables.tf
variable "name" {
  type = string
}

variable "encrypted" {
  type    = bool
  default = true
}
# --- file: modules/docdb/main.tf
resource "aws_docdb_cluster" "this" {
  cluster_identifier          = var.name
  master_username             = var.name
  manage_master_user_password = true
  storage_encrypted           = var.encrypted
}
