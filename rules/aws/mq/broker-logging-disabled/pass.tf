# General and audit logs on (ActiveMQ), audit known only at deployment, and general logs on for
# RabbitMQ (which has no audit log).
variable "audit" {
  type = bool
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
  publicly_accessible = false

  user {
    username = "admin"
    password = var.admin_password
  }

  logs {
    general = true
    audit   = true
  }
}

resource "aws_mq_broker" "from_variable" {
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

  logs {
    general = true
    audit   = var.audit
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
    general = true
  }
}
