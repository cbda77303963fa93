# Scanning on push, or only known at apply time.
data "aws_ssm_parameter" "scan" {
  name = "/ecr/scan-on-push"
}

resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "worker" {
  name = "worker"

  image_scanning_configuration {
    scan_on_push = data.aws_ssm_parameter.scan.value
  }
}
