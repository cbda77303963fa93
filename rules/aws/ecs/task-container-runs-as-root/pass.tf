variable "user" {
  type = string
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    { name = "api", image = "example/api:1", user = "1000:1000" },
    { name = "image-default", image = "example/app:1" },
    { name = "rootless", image = "example/app:1", user = "rootless" },
    { name = "unknown", image = "example/app:1", user = var.user },
  ])
}
