# A classic load balancer module called with an HTTP front end.
module "web" {
  source            = "./modules/elb"
  name              = "web"
  listener_protocol = "HTTP" # expect
}

# --- file: modules/elb/main.tf
variable "name" {
  type = string
}

variable "listener_protocol" {
  type    = string
  default = "HTTPS"
}

resource "aws_elb" "this" {
  name               = var.name
  availability_zones = ["us-east-1a"]

  listener {
    lb_port           = 80
    lb_protocol       = var.listener_protocol
    instance_port     = 8080
    instance_protocol = "http"
  }
}
