# Counted tasks whose setting comes from a module input.
module "jobs" {
  source  = "./modules/job"
  transit = "DISABLED" # expect
}
# --- file: modules/job/main.tf
variable "transit" {
  type    = string
  default = "ENABLED"
}

resource "aws_ecs_task_definition" "job" {
  count                 = 2
  family                = "job-${count.index}"
  container_definitions = jsonencode([{ name = "job", image = "example/job:1" }])

  volume {
    name = "data"

    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = var.transit
    }
  }
}
