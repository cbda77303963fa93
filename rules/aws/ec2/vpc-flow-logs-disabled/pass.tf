# A VPC with a flow log to CloudWatch Logs, and a VPC that may be the one a flow log looked up
# with a data source points at (not known here).
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name = "vpc-flow-logs"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn    = "arn:aws:iam::123456789012:role/flow-logs"
}

resource "aws_vpc" "maybe" {
  cidr_block = "10.2.0.0/16"
}

data "aws_vpc" "logged" {
  tags = {
    FlowLogs = "yes"
  }
}

resource "aws_flow_log" "maybe" {
  vpc_id               = data.aws_vpc.logged.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-log-bucket"
}
