# Per-agent settings from a map; only the profiler shares the host's processes.
locals {
  agents = {
    profiler = { pid = "host" }
    shipper  = { pid = "task" }
  }
}

resource "aws_ecs_task_definition" "agent" {
  for_each              = local.agents
  family                = each.key
  pid_mode              = each.value.pid # expect
  container_definitions = jsonencode([{ name = each.key, image = "example/${each.key}:1" }])
}
