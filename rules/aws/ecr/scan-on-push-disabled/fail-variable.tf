# Scanning comes from a variable that defaults to false.
variable "scan_images" {
  type    = bool
  default = false
}

resource "aws_ecr_repository" "app" {
  name = "app"

  image_scanning_configuration {
    scan_on_push = var.scan_images # expect
  }
}
