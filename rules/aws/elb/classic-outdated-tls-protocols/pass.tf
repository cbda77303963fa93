# The HTTPS listener uses a TLS 1.2 reference policy attached by a listener policy resource; a
# TCP listener needs none; another policy's reference is known only at apply time; a
# stickiness policy is not an SSL negotiation policy.
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
    lb_port           = 80
    lb_protocol       = "tcp"
    instance_port     = 8080
    instance_protocol = "tcp"
  }
}

resource "aws_load_balancer_policy" "tls12" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls12"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

data "aws_ssm_parameter" "reference" {
  name = "/web/elb-reference-policy"
}

resource "aws_load_balancer_policy" "from_parameter" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "from-parameter"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = data.aws_ssm_parameter.reference.value
  }
}

resource "aws_load_balancer_policy" "stickiness" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "stickiness"
  policy_type_name   = "LBCookieStickinessPolicyType"

  policy_attribute {
    name  = "CookieExpirationPeriod"
    value = "60"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls12.policy_name]
}
