resource "aws_ecs_task_definition" "proxy" {
  family                = "proxy"
  network_mode          = "host" # expect
  container_definitions = jsonencode([{ name = "proxy", image = "envoyproxy/envoy:v1.30" }])
}
