# Publicly accessible through a variable default.
variable "public" {
  type    = bool
  default = true
}

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "aws_mq_broker" "orders" {
  broker_name         = "orders"
  deployment_mode     = "SINGLE_INSTANCE"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = var.public # expect

  user {
    username = "admin"
    password = var.admin_password
  }
}
