# ALBs that keep the default (invalid headers forwarded) or set it explicitly to false. The
# finding is on the resource: the rule points at LoadBalancerAttributes, which Terraform
# assembles from several arguments.
resource "aws_lb" "alb" { # expect
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb" "alb_off" { # expect
  internal                   = true
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  drop_invalid_header_fields = false
}
