resource "aws_ecs_task_definition" "legacy" {
  family = "legacy"
  # expect
  container_definitions = <<EOF
[
  {
    "name": "legacy",
    "image": "example/legacy:1",
    "environment": [
      {"name": "GITHUB_TOKEN", "value": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}
    ]
  }
]
EOF
}
