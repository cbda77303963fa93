data "aws_ssm_parameter" "transit" {
  name = "/app/efs-transit"
}

resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = jsonencode([{ name = "app", image = "example/app:1" }])

  volume {
    name = "shared"

    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"

      authorization_config {
        iam = "ENABLED"
      }
    }
  }

  volume {
    name = "scratch"
  }

  volume {
    name = "late"

    efs_volume_configuration {
      file_system_id     = "fs-87654321"
      transit_encryption = data.aws_ssm_parameter.transit.value
    }
  }
}
