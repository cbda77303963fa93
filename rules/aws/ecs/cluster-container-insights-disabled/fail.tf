# No containerInsights setting, and the setting disabled (reported at the setting block).
resource "aws_ecs_cluster" "apps" { # expect
  name = "apps"
}

resource "aws_ecs_cluster" "batch" {
  name = "batch"

  setting { # expect
    name  = "containerInsights"
    value = "disabled"
  }
}
