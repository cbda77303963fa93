# An access key pair in PLAINTEXT environment variables (type defaults to PLAINTEXT); STAGE is fine.
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

    environment_variable {
      name  = "STAGE"
      value = "prod"
    }

    environment_variable { # expect
      name  = "AWS_ACCESS_KEY_ID"
      value = "AKIAIOSFODNN7EXAMPLE"
    }

    environment_variable { # expect
      name  = "AWS_SECRET_ACCESS_KEY"
      type  = "PLAINTEXT"
      value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    }
  }
}
