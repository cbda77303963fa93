# A user name without a password, a plain URL, and a URL only known at apply time.
data "aws_ssm_parameter" "repo_url" {
  name = "/ci/repo-url"
}

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
    type     = "BITBUCKET"
    location = "https://ci-bot@bitbucket.org/my-team/app.git"
  }

  secondary_sources {
    type              = "GITHUB"
    source_identifier = "tools"
    location          = "https://github.com/my-org/tools.git"
  }
}

resource "aws_codebuild_project" "unknown" {
  name         = "unknown"
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
    location = data.aws_ssm_parameter.repo_url.value
  }
}
