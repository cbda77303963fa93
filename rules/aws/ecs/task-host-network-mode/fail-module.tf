# The mode is passed to a module, for each of its counted tasks.
module "agents" {
  source       = "./modules/agent"
  network_mode = "host" # expect
}
# --- file: modules/agent/main.tf
variable "network_mode" {
  type    = string
  default = "awsvpc"
}

resource "aws_ecs_task_definition" "agent" {
  count                 = 2
  family                = "agent-${count.index}"
  network_mode          = var.network_mode
  container_definitions = jsonencode([{ name = "agent", image = "example/agent:1" }])
}
