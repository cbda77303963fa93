# The setting value comes from a variable that defaults to disabled.
variable "insights" {
  type    = string
  default = "disabled"
}

resource "aws_ecs_cluster" "apps" {
  name = "apps"

  setting { # expect
    name  = "containerInsights"
    value = var.insights
  }
}
