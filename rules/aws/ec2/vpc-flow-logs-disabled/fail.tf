# The first VPC has no flow log; the second one has.
resource "aws_vpc" "main" { # expect
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "other" {
  vpc_id               = aws_vpc.other.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-log-bucket"
}
