resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    {
      name  = "api"
      image = "example/api:1"
      user  = "root" # expect
    },
    { name = "fine", image = "example/fine:1", user = "1000" },
  ])
}
