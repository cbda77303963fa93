resource "aws_ecs_task_definition" "monitor" {
  family                = "monitor"
  pid_mode              = "host" # expect
  ipc_mode              = "host" # expect
  container_definitions = jsonencode([{ name = "monitor", image = "example/monitor:1" }])
}
