# One log group per service from for_each, none with a key.
variable "services" {
  type    = set(string)
  default = ["api", "web"]
}

resource "aws_cloudwatch_log_group" "service" { # expect
  for_each          = var.services
  name              = "/app/${each.key}"
  retention_in_days = 365
}
