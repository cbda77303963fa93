# HTTPS and SSL listeners, and a protocol known only at apply time.
data "aws_ssm_parameter" "protocol" {
  name = "/web/listener-protocol"
}

resource "aws_elb" "web" {
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  listener {
    lb_port            = 5671
    lb_protocol        = "ssl"
    instance_port      = 5671
    instance_protocol  = "ssl"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  listener {
    lb_port           = 8000
    lb_protocol       = data.aws_ssm_parameter.protocol.value
    instance_port     = 8000
    instance_protocol = "tcp"
  }
}
