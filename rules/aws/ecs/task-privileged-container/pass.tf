# Not privileged, not written, and known only at apply time.
variable "containers" {
  type = string
}

data "aws_ssm_parameter" "privileged" {
  name = "/app/privileged"
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx:1.27", privileged = false },
    { name = "log", image = "amazon/aws-for-fluent-bit" },
  ])
}

resource "aws_ecs_task_definition" "opaque" {
  family                = "opaque"
  container_definitions = var.containers
}

resource "aws_ecs_task_definition" "late" {
  family = "late"
  container_definitions = jsonencode([
    { name = "tool", image = "example/tool:1", privileged = data.aws_ssm_parameter.privileged.value == "true" },
  ])
}
