variable "containers" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name        = "app"
    image       = "example/app:1"
    mountPoints = [{ sourceVolume = "scratch", containerPath = "/scratch" }]
  }])

  volume {
    name = "scratch"
  }

  volume {
    name      = "unused"
    host_path = "/var/log"
  }
}

# What the containers mount is known only at apply time.
resource "aws_ecs_task_definition" "opaque" {
  family                = "opaque"
  container_definitions = var.containers

  volume {
    name      = "logs"
    host_path = "/var/log"
  }
}
