# RDP from a private range, DNS from anywhere, and a source that depends on a value known only
# at apply time.
resource "aws_security_group" "windows" {
  name        = "windows"
  description = "windows hosts"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["192.168.0.0/16"]
  }

  ingress {
    protocol    = "udp"
    from_port   = 53
    to_port     = 53
    cidr_blocks = ["0.0.0.0/0"]
  }
}

data "aws_ssm_parameter" "env" {
  name = "/platform/environment"
}

resource "aws_vpc_security_group_ingress_rule" "jump" {
  security_group_id = aws_security_group.windows.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = data.aws_ssm_parameter.env.value == "dev" ? "0.0.0.0/0" : "10.20.0.0/16"
}
