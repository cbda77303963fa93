resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27" }, # expect
    {
      name                   = "sidecar"
      image                  = "example/sidecar:1"
      readonlyRootFilesystem = false # expect
    },
    { name = "hardened", image = "example/hardened:1", readonlyRootFilesystem = true },
  ])
}
