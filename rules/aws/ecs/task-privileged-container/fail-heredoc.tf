# A heredoc document: the finding points at the argument.
resource "aws_ecs_task_definition" "agent" {
  family                = "agent"
  # expect
  container_definitions = <<-JSON
    [
      {
        "name": "agent",
        "image": "example/agent:2",
        "privileged": true
      }
    ]
  JSON
}
