# privileged_mode left out (defaults to false), or only known at apply time.
data "aws_ssm_parameter" "needs_docker" {
  name = "/ci/needs-docker"
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
    type            = "LINUX_CONTAINER"
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    privileged_mode = data.aws_ssm_parameter.needs_docker.value
  }
}
