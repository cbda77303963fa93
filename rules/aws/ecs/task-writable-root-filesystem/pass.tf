variable "containers" {
  type = string
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", readonlyRootFilesystem = true },
  ])
}

resource "aws_ecs_task_definition" "opaque" {
  family                = "opaque"
  container_definitions = var.containers
}

resource "aws_ecs_task_definition" "windows" {
  family                = "windows"
  container_definitions = jsonencode([{ name = "iis", image = "mcr.microsoft.com/windows/servercore/iis" }])

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }
}
