# Retention comes from a variable that defaults to null, which leaves it unset.
variable "retention_days" {
  type    = number
  default = null
}

resource "aws_cloudwatch_log_group" "app" { # expect
  name              = "/app/api"
  retention_in_days = var.retention_days
}
