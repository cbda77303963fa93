# The token comes from a sensitive variable with a default: still stored in plain text.
variable "npm_token" {
  type      = string
  sensitive = true
  default   = "npm_0123456789abcdefghijklmnopqrstuvwxyz"
}

resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::123456789012:role/codebuild"

  artifacts {
    type = "CODEPIPELINE"
  }

  source {
    type = "CODEPIPELINE"
  }

  environment {
    type         = "LINUX_CONTAINER"
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"

    environment_variable { # expect
      name  = "NPM_TOKEN"
      value = var.npm_token
    }
  }
}
