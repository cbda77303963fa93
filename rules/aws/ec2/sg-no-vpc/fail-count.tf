# Groups created with count, none naming a VPC: every instance is a finding on the same line.
variable "environments" {
  type    = list(string)
  default = ["dev", "staging"]
}

resource "aws_security_group" "env" { # expect
  count       = length(var.environments)
  name        = "app-${var.environments[count.index]}"
  description = "app in ${var.environments[count.index]}"
}
