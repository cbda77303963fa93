# No image_scanning_configuration (defaults to off) and scan_on_push turned off.
resource "aws_ecr_repository" "app" { # expect
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "worker" {
  name = "worker"

  image_scanning_configuration {
    scan_on_push = false # expect
  }
}
