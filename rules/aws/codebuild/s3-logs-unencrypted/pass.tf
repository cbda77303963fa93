# S3 logs encrypted by default (encryption_disabled left out), or only known at apply time.
data "aws_ssm_parameter" "plain_logs" {
  name = "/ci/plain-logs"
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
  }

  logs_config {
    s3_logs {
      status   = "ENABLED"
      location = "build-logs/project"
    }
  }
}

resource "aws_codebuild_project" "unknown" {
  name         = "unknown"
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
      location            = "build-logs/unknown"
      encryption_disabled = data.aws_ssm_parameter.plain_logs.value
    }
  }
}
