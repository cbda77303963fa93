# VPCs and their flow logs created with for_each: each flow log refers to its own VPC instance.
locals {
  vpcs = {
    app  = "10.10.0.0/16"
    data = "10.20.0.0/16"
  }
}

resource "aws_vpc" "this" {
  for_each   = local.vpcs
  cidr_block = each.value
}

resource "aws_flow_log" "this" {
  for_each             = local.vpcs
  vpc_id               = aws_vpc.this[each.key].id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-log-bucket"
}
