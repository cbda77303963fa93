# A plain HTTP listener next to an HTTPS one (the protocol is case-insensitive).
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
    lb_port           = 80
    lb_protocol       = "http" # expect
    instance_port     = 8080
    instance_protocol = "http"
  }
}
