# The back-end protocol comes from a variable whose default is HTTP.
variable "backend_protocol" {
  type    = string
  default = "HTTP"
}

resource "aws_elb" "web" {
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = var.backend_protocol # expect
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }
}
