# Two projects from count; the key variable defaults to null, which leaves encryption_key unset.
variable "artifacts_key_arn" {
  type    = string
  default = null
}

resource "aws_codebuild_project" "build" { # expect
  count          = 2
  name           = "build-${count.index}"
  service_role   = "arn:aws:iam::123456789012:role/codebuild"
  encryption_key = var.artifacts_key_arn

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
  }
}
