# A network module called with its flow log switched off: the VPC, declared in the module, is
# the finding.
module "network" {
  source    = "./modules/network"
  flow_logs = false
}

# --- file: modules/network/main.tf
variable "flow_logs" {
  type    = bool
  default = true
}

resource "aws_vpc" "this" { # expect
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "this" {
  count                = var.flow_logs ? 1 : 0
  vpc_id               = aws_vpc.this.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-log-bucket"
}
