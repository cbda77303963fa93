# No logs block; an ActiveMQ logs block without audit (reported on the block); RabbitMQ general
# logging off.
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
}

resource "aws_mq_broker" "partial" {
  broker_name         = "billing"
  deployment_mode     = "SINGLE_INSTANCE"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = false

  user {
    username = "admin"
    password = var.admin_password
  }

  logs { # expect
    general = true
  }
}

resource "aws_mq_broker" "rabbit" {
  broker_name         = "rabbit"
  deployment_mode     = "SINGLE_INSTANCE"
  engine_type         = "RabbitMQ"
  engine_version      = "3.13"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = false

  user {
    username = "admin"
    password = var.admin_password
  }

  logs {
    general = false # expect
  }
}
