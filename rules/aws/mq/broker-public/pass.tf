# Private (written or left to the default, false), or unknown before deployment.
variable "public" {
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
  subnet_ids          = ["subnet-0a1b2c3d"]

  user {
    username = "admin"
    password = var.admin_password
  }
}

resource "aws_mq_broker" "from_variable" {
  broker_name         = "billing"
  deployment_mode     = "SINGLE_INSTANCE"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = var.public

  user {
    username = "admin"
    password = var.admin_password
  }
}

resource "aws_mq_broker" "default" {
  broker_name        = "reports"
  deployment_mode    = "SINGLE_INSTANCE"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.t3.micro"
  subnet_ids         = ["subnet-0a1b2c3d"]

  user {
    username = "admin"
    password = var.admin_password
  }
}
