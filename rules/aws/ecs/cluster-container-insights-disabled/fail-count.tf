# Clusters from count, none with the setting.
resource "aws_ecs_cluster" "workers" { # expect
  count = 2
  name  = "workers-${count.index}"
}
