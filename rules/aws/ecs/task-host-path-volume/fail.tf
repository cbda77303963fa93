resource "aws_ecs_task_definition" "agent" {
  family = "agent"
  container_definitions = jsonencode([{
    name  = "agent"
    image = "example/agent:1"
    mountPoints = [
      { sourceVolume = "docker", containerPath = "/var/run/docker.sock" },
    ]
  }])

  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock" # expect
  }

  volume {
    name      = "unused"
    host_path = "/etc"
  }
}
