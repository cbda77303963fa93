# One privileged container among two, in jsonencode.
resource "aws_ecs_task_definition" "agent" {
  family = "agent"
  container_definitions = jsonencode([
    { name = "app", image = "example/app:1", essential = true },
    {
      name       = "agent"
      image      = "example/agent:2"
      privileged = true # expect
    },
  ])
}
