# Every protocol only from the VPC or the group itself, a port range that is not every port,
# ICMP from anywhere (no ports), and a protocol known only at apply time.
resource "aws_security_group" "cluster" {
  name        = "cluster"
  description = "cluster members"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    protocol  = "-1"
    from_port = 0
    to_port   = 0
    self      = true
  }

  ingress {
    protocol    = "tcp"
    from_port   = 1024
    to_port     = 65535
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "self_reference" {
  security_group_id            = aws_security_group.cluster.id
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.cluster.id
}

resource "aws_vpc_security_group_ingress_rule" "ping" {
  security_group_id = aws_security_group.cluster.id
  ip_protocol       = "icmp"
  from_port         = -1
  to_port           = -1
  cidr_ipv4         = "0.0.0.0/0"
}

data "aws_ssm_parameter" "protocol" {
  name = "/cluster/protocol"
}

resource "aws_security_group_rule" "unknown" {
  type              = "ingress"
  security_group_id = aws_security_group.cluster.id
  protocol          = data.aws_ssm_parameter.protocol.value
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}
