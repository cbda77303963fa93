# Immutable tags, or only known at apply time.
data "aws_ssm_parameter" "mutability" {
  name = "/ecr/tag-mutability"
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "worker" {
  name                 = "worker"
  image_tag_mutability = data.aws_ssm_parameter.mutability.value
}
