# Listeners generated from a map of ports, all with an HTTP back end: every generated listener
# is a finding on the same line.
variable "ports" {
  type = map(number)
  default = {
    "443"  = 8080
    "8443" = 8081
  }
}

resource "aws_elb" "web" {
  availability_zones = ["us-east-1a"]

  dynamic "listener" {
    for_each = var.ports

    content {
      lb_port            = tonumber(listener.key)
      lb_protocol        = "https"
      instance_port      = listener.value
      instance_protocol  = "http" # expect
      ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    }
  }
}
