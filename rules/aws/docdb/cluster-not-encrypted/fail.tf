# Not encrypted: left to the default (false) or written.
resource "aws_docdb_cluster" "catalog" { # expect
  cluster_identifier          = "catalog"
  master_username             = "catalog"
  manage_master_user_password = true
}

resource "aws_docdb_cluster" "archive" {
  cluster_identifier          = "archive"
  master_username             = "archive"
  manage_master_user_password = true
  storage_encrypted           = false # expect
}
