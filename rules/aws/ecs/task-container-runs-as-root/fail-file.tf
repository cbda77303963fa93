# The user is chosen by a tfvars file and rendered into a template file.
variable "run_as" {
  type    = string
  default = "1000"
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = templatefile("${path.module}/containers/worker.json", { # expect
    user = var.run_as
  })
}
# --- file: terraform.tfvars
run_as = "0:0"
# --- file: containers/worker.json
[{"name": "worker", "image": "example/worker:1", "user": "${user}"}]
