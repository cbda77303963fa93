# The logging_info block is generated only when a log group is given; the default is none.
variable "log_group" {
  type    = string
  default = null
}

resource "aws_msk_cluster" "events" { # expect
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1b2c3d", "subnet-1a2b3c4d", "subnet-2a3b4c5d"]
    security_groups = ["sg-0a1b2c3d"]
  }

  dynamic "logging_info" {
    for_each = var.log_group == null ? [] : [var.log_group]
    content {
      broker_logs {
        cloudwatch_logs {
          enabled   = true
          log_group = logging_info.value
        }
      }
    }
  }
}
