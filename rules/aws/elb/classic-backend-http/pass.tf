# HTTPS and TCP back ends, and a back-end protocol known only at apply time.
data "aws_ssm_parameter" "backend" {
  name = "/web/backend-protocol"
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
    lb_port           = 5671
    lb_protocol       = "tcp"
    instance_port     = 5671
    instance_protocol = "tcp"
  }

  listener {
    lb_port            = 8443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = data.aws_ssm_parameter.backend.value
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }
}
