# The front-end protocol comes from a variable whose default is HTTP.
variable "front_protocol" {
  type    = string
  default = "HTTP"
}

resource "aws_elb" "web" {
  availability_zones = ["us-east-1a"]

  listener {
    lb_port           = 80
    lb_protocol       = var.front_protocol # expect
    instance_port     = 8080
    instance_protocol = "http"
  }
}
