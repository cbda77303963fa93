# The URL is built by string interpolation from a variable holding a GitHub App token.
variable "github_token" {
  type      = string
  sensitive = true
  default   = "ghs_0123456789abcdefghijklmnopqrstuvwxyz"
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
    type     = "GITHUB"
    location = "https://x-access-token:${var.github_token}@github.com/my-org/app.git" # expect
  }
}
