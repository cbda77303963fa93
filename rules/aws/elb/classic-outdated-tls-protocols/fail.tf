# SSL negotiation policies joined onto a classic load balancer: one referencing a predefined
# policy older than TLS 1.2, one enabling TLSv1, and an SSL listener without any policy.
resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  listener {
    lb_port            = 8443
    lb_protocol        = "ssl" # expect
    instance_port      = 8443
    instance_protocol  = "ssl"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }
}

resource "aws_load_balancer_policy" "legacy" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "legacy"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-2016-08" # expect
  }
}

resource "aws_load_balancer_policy" "custom" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "custom"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }

  policy_attribute {
    name  = "Protocol-TLSv1" # expect
    value = "true"
  }

  policy_attribute {
    name  = "Protocol-SSLv3"
    value = "false"
  }

  policy_attribute {
    name  = "ECDHE-RSA-AES128-GCM-SHA256"
    value = "true"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443

  policy_names = [
    aws_load_balancer_policy.legacy.policy_name,
    aws_load_balancer_policy.custom.policy_name,
  ]
}
