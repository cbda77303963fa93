# A customer managed key by alias, by reference to a key of the configuration, or only known at
# apply time.
resource "aws_kms_key" "artifacts" {
  description         = "build artifacts"
  enable_key_rotation = true
}

data "aws_kms_alias" "shared" {
  name = "alias/shared-artifacts"
}

resource "aws_codebuild_project" "build" {
  name           = "build"
  service_role   = "arn:aws:iam::123456789012:role/codebuild"
  encryption_key = "alias/build-artifacts"

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

resource "aws_codebuild_project" "own_key" {
  name           = "own-key"
  service_role   = "arn:aws:iam::123456789012:role/codebuild"
  encryption_key = aws_kms_key.artifacts.arn

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

resource "aws_codebuild_project" "shared" {
  name           = "shared"
  service_role   = "arn:aws:iam::123456789012:role/codebuild"
  encryption_key = data.aws_kms_alias.shared.target_key_arn

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
