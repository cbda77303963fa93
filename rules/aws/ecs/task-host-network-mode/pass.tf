variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "web" {
  family                = "web"
  network_mode          = "awsvpc"
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "bridge" {
  family                = "bridge"
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27" }])
}

resource "aws_ecs_task_definition" "unknown" {
  family                = "unknown"
  network_mode          = var.network_mode
  container_definitions = jsonencode([{ name = "web", image = "nginx:1.27" }])
}
