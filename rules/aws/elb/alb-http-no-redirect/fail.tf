# An HTTP listener that forwards, and one whose redirect keeps the protocol (#{protocol}).
resource "aws_lb" "alb" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb_target_group" "targets" {
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_lb_listener" "forward" {
  load_balancer_arn = aws_lb.alb.arn
  port              = 80
  protocol          = "HTTP" # expect

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.targets.arn
  }
}

resource "aws_lb_listener" "redirect_keeps_http" {
  load_balancer_arn = aws_lb.alb.arn
  port              = 8080
  protocol          = "HTTP" # expect

  default_action {
    type = "redirect"

    redirect {
      port        = "80"
      status_code = "HTTP_301"
    }
  }
}
