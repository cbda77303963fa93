# The protocol comes from a variable whose default is "http" (Terraform accepts any case and
# stores it upper case).
variable "listener_protocol" {
  type    = string
  default = "http"
}

resource "aws_lb_listener" "listener" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  port              = 80
  protocol          = var.listener_protocol # expect

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
  }
}
