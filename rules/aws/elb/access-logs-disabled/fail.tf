# Classic load balancers without access_logs or with it disabled, and Application Load
# Balancers without logs or with logs disabled (their finding is on the resource: the rule
# points at LoadBalancerAttributes, which Terraform assembles from several arguments).
resource "aws_elb" "classic" { # expect
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }
}

resource "aws_elb" "classic_off" {
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  access_logs {
    bucket  = "elb-logs"
    enabled = false # expect
  }
}

resource "aws_lb" "alb" { # expect
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb" "alb_off" { # expect
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  idle_timeout       = 60

  access_logs {
    bucket  = "alb-logs"
    enabled = false
  }
}
