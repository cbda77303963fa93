# A listener module that defaults to a modern policy, called with a TLS 1.1 one.
module "https" {
  source     = "./modules/https-listener"
  lb_arn     = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef"
  ssl_policy = "ELBSecurityPolicy-TLS-1-1-2017-01" # expect
}

# --- file: modules/https-listener/main.tf
variable "lb_arn" {
  type = string
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

resource "aws_lb_listener" "this" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/abc"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
