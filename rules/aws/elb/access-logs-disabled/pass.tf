# A classic load balancer whose access_logs block leaves `enabled` to its default (true on
# aws_elb), an ALB with logs on, a Network Load Balancer (not checked), and an ALB whose
# setting is known only at apply time.
resource "aws_elb" "classic" {
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  access_logs {
    bucket   = "elb-logs"
    interval = 5
  }
}

resource "aws_lb" "alb" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = "alb-logs"
    enabled = true
  }
}

resource "aws_lb" "nlb" {
  load_balancer_type = "network"
  subnets            = ["subnet-0123456789abcdef0"]
}

data "aws_ssm_parameter" "alb_logs" {
  name = "/platform/alb-access-logs"
}

resource "aws_lb" "from_parameter" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = "alb-logs"
    enabled = data.aws_ssm_parameter.alb_logs.value == "on"
  }
}
