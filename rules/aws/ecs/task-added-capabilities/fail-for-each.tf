# Capabilities per tool from a map, in each instance of a for_each (the finding points at the
# list the instance reads); a heredoc task adds ALL, in lower case.
locals {
  tools = {
    tracer  = ["SYS_PTRACE"] # expect
    printer = ["CHOWN"]
  }
}

resource "aws_ecs_task_definition" "tool" {
  for_each = local.tools
  family   = each.key
  container_definitions = jsonencode([{
    name            = each.key
    image           = "example/${each.key}:1"
    linuxParameters = { capabilities = { add = each.value } }
  }])
}

resource "aws_ecs_task_definition" "legacy" {
  family = "legacy"
  # expect
  container_definitions = <<-JSON
    [{"name": "legacy", "image": "example/legacy:1",
      "linuxParameters": {"capabilities": {"add": ["all"]}}}]
  JSON
}
