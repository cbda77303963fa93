# The service prefix of the action comes from a variable that defaults to "iam".
variable "service" {
  type    = string
  default = "iam"
}

resource "aws_iam_user_policy" "templated" {
  name = "templated"
  user = "ci"
  policy = jsonencode({ # expect
    Statement = [{ Effect = "Allow", Action = "${var.service}:*", Resource = "*" }]
  })
}
