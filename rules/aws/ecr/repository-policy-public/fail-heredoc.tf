# The policy is a JSON heredoc kept in a local (a string, like the CloudFormation JSON string form);
# the finding points where the resource uses it.
locals {
  public_pull = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "ecr:*"}
      ]
    }
  EOT
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = local.public_pull # expect
}
