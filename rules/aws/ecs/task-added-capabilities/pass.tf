variable "capabilities" {
  type = list(string)
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    {
      name  = "web"
      image = "nginx:1.27"
      linuxParameters = {
        capabilities = { add = ["NET_BIND_SERVICE"], drop = ["ALL"] }
      }
    },
    {
      name            = "unknown"
      image           = "example/app:1"
      linuxParameters = { capabilities = { add = var.capabilities } }
    },
  ])
}
