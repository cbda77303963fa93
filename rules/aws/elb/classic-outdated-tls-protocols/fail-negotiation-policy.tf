# aws_lb_ssl_negotiation_policy both defines the policy and attaches it to the listener on
# lb_port: the listener has a policy, but the policy enables TLS 1.1.
resource "aws_elb" "api" {
  name               = "api"
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }
}

resource "aws_lb_ssl_negotiation_policy" "api" {
  name          = "api-tls"
  load_balancer = aws_elb.api.id
  lb_port       = 443

  attribute {
    name  = "Protocol-TLSv1.1" # expect
    value = "true"
  }

  attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }

  attribute {
    name  = "ECDHE-RSA-AES128-GCM-SHA256"
    value = "true"
  }
}
