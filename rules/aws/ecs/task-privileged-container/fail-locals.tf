# The flag sits in a local container merged into every instance of a for_each, and comes from a
# variable default in another task (a variable's value inside the document points at the object
# that holds it).
variable "debug" {
  type    = bool
  default = true
}

locals {
  base = {
    image      = "example/worker:3"
    privileged = true # expect
  }
}

resource "aws_ecs_task_definition" "worker" {
  for_each = toset(["eu", "us"])
  family   = "worker-${each.key}"
  container_definitions = jsonencode([
    merge(local.base, { name = "worker-${each.key}" }),
  ])
}

resource "aws_ecs_task_definition" "debug" {
  family = "debug"
  container_definitions = jsonencode([{ # expect
    name       = "debug"
    image      = "example/debug:1"
    privileged = var.debug
  }])
}
