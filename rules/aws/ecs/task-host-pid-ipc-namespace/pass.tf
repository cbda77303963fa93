variable "pid_mode" {
  type = string
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  pid_mode              = "task"
  ipc_mode              = "none"
  container_definitions = jsonencode([{ name = "app", image = "example/app:1" }])
}

resource "aws_ecs_task_definition" "default" {
  family                = "default"
  container_definitions = jsonencode([{ name = "app", image = "example/app:1" }])
}

resource "aws_ecs_task_definition" "unknown" {
  family                = "unknown"
  pid_mode              = var.pid_mode
  container_definitions = jsonencode([{ name = "app", image = "example/app:1" }])
}
