# A user:token URL as the primary source and a token used as the user name in a secondary source.
resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::123456789012:role/codebuild"

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    type         = "LINUX_CONTAINER"
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
  }

  source {
    type     = "GITHUB"
    location = "https://ci-bot:ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/my-org/app.git" # expect
  }

  secondary_sources {
    type              = "GITHUB"
    source_identifier = "tools"
    location          = "https://github.com/my-org/tools.git"
  }

  secondary_sources {
    type              = "GITHUB"
    source_identifier = "config"
    location          = "https://ghp_0123456789abcdefghijklmnopqrstuvwxyz@github.com/my-org/config.git" # expect
  }
}
