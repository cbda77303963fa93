# On aws_lb, access_logs.enabled defaults to false even when a bucket is given.
resource "aws_alb" "web" { # expect
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket = "alb-logs"
    prefix = "web"
  }
}
