# Volumes from a variable through a dynamic block; the container mounts them from a file.
variable "host_mounts" {
  type    = map(string)
  default = { logs = "/var/log" }
}

resource "aws_ecs_task_definition" "shipper" {
  family                = "shipper"
  container_definitions = file("${path.module}/shipper.json")

  dynamic "volume" {
    for_each = var.host_mounts
    content {
      name      = volume.key
      host_path = volume.value # expect
    }
  }
}
# --- file: shipper.json
[{"name": "shipper", "image": "example/shipper:1",
  "mountPoints": [{"sourceVolume": "logs", "containerPath": "/host/logs", "readOnly": true}]}]
