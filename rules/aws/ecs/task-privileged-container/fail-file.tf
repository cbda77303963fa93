# The document is a file of the module: the finding points at the file() argument.
module "batch" {
  source = "./modules/batch"
}
# --- file: modules/batch/main.tf
resource "aws_ecs_task_definition" "batch" {
  family                = "batch"
  container_definitions = file("${path.module}/containers.json") # expect
}
# --- file: modules/batch/containers.json
[
  {"name": "batch", "image": "example/batch:1", "Privileged": true}
]
