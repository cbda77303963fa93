# One destination on (the other off), or a destination known only at deployment.
variable "enabled" {
  type = bool
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1b2c3d", "subnet-1a2b3c4d", "subnet-2a3b4c5d"]
    security_groups = ["sg-0a1b2c3d"]
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = false
        log_group = "/msk/events"
      }
      s3 {
        enabled = true
        bucket  = "msk-logs"
      }
    }
  }
}

resource "aws_msk_cluster" "from_variable" {
  cluster_name           = "audit"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1b2c3d", "subnet-1a2b3c4d", "subnet-2a3b4c5d"]
    security_groups = ["sg-0a1b2c3d"]
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = var.enabled
        log_group = "/msk/audit"
      }
    }
  }
}
