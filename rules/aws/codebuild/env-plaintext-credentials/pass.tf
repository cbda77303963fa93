# Secrets referenced from Secrets Manager / Parameter Store, a value only known at apply time, and a
# name that only looks like a secret.
data "aws_ssm_parameter" "github_token" {
  name = "/ci/github-token"
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

    environment_variable {
      name  = "NPM_TOKEN"
      type  = "SECRETS_MANAGER"
      value = "ci/npm:token"
    }

    environment_variable {
      name  = "DB_PASSWORD"
      type  = "PARAMETER_STORE"
      value = "/ci/db/password"
    }

    environment_variable {
      name  = "GITHUB_TOKEN"
      value = data.aws_ssm_parameter.github_token.value
    }

    environment_variable {
      name  = "TOKEN_ENDPOINT_URL_PATH"
      value = "/oauth2/token-endpoint"
    }
  }
}
