# A templatefile document: the finding points at the call.
resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = templatefile("${path.module}/api.json.tpl", { # expect
    read_only = false
  })
}
# --- file: api.json.tpl
[
  {
    "name": "api",
    "image": "example/api:1",
    "readonlyRootFilesystem": ${read_only}
  }
]
