resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "example/app:1" }])

  volume {
    name = "shared"

    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "DISABLED" # expect
    }
  }

  volume {
    name = "cache"

    efs_volume_configuration { # expect
      file_system_id = "fs-87654321"
      root_directory = "/cache"
    }
  }
}
