# Access logs only in production; the default environment is dev.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_lb" "alb" { # expect
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = "alb-logs"
    enabled = var.env == "prod"
  }
}
