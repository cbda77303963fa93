# A listener on an Application Load Balancer without `protocol`: the provider uses HTTP, so
# the finding is on the resource.
resource "aws_lb" "alb" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_alb_listener" "plain" { # expect
  load_balancer_arn = aws_lb.alb.arn
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
