# One instance per engine (for_each), none with a port: every instance listens on its engine's
# default port and is reported on the resource line.
resource "aws_db_instance" "db" { # expect
  for_each          = toset(["mysql", "postgres", "mariadb"])
  identifier        = "app-${each.key}"
  engine            = each.key
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}
