# One project per service from for_each; only the api project needs Docker, and is reported.
variable "services" {
  type = map(bool)
  default = {
    api = true
    web = false
  }
}

resource "aws_codebuild_project" "build" {
  for_each     = var.services
  name         = "build-${each.key}"
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
    privileged_mode = each.value # expect
  }
}
