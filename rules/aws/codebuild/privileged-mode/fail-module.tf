# A local module builds the project; the caller asks for Docker-in-Docker.
module "image_build" {
  source       = "./modules/build"
  name         = "image-build"
  needs_docker = true # expect
}
# --- file: modules/build/main.tf
variable "name" {
  type    = string
  default = "build"
}

variable "needs_docker" {
  type    = bool
  default = false
}

resource "aws_codebuild_project" "this" {
  name         = var.name
  service_role = "arn:aws:iam::123456789012:role/codebuild"

  artifacts {
    type = "CODEPIPELINE"
  }

  source {
    type = "CODEPIPELINE"
  }

  environment {
    type            = "LINUX_CONTAINER"
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    privileged_mode = var.needs_docker
  }
}
