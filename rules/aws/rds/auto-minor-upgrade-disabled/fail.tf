# An instance with automatic minor version upgrades switched off.
resource "aws_db_instance" "db" {
  identifier                 = "orders"
  engine                     = "postgres"
  instance_class             = "db.t4g.micro"
  allocated_storage          = 20
  auto_minor_version_upgrade = false # expect
}
