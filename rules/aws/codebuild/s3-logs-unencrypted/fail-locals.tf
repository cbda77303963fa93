# The logging settings come from a local object shared by every project of a for_each.
locals {
  s3_logs = {
    bucket    = "build-logs"
    encrypted = false
  }
}

resource "aws_codebuild_project" "build" {
  for_each     = toset(["api", "web"])
  name         = "build-${each.key}"
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
  }

  logs_config {
    s3_logs {
      status              = "ENABLED"
      location            = "${local.s3_logs.bucket}/${each.key}"
      encryption_disabled = !local.s3_logs.encrypted # expect
    }
  }
}
