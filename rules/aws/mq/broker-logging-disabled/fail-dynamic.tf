# The logs block is generated only when logging is asked for; the default is not to.
variable "enable_logs" {
  type    = bool
  default = false
}

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "aws_mq_broker" "orders" { # expect
  broker_name         = "orders"
  deployment_mode     = "SINGLE_INSTANCE"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = false

  user {
    username = "admin"
    password = var.admin_password
  }

  dynamic "logs" {
    for_each = var.enable_logs ? [1] : []
    content {
      general = true
      audit   = true
    }
  }
}
