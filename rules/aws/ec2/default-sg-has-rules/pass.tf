# Purpose-made groups and their rules, a rule on a group looked up with a data source (not
# known here), and a default group adopted with no rules at all (Terraform then removes every
# rule from it).
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "application"
  vpc_id      = aws_vpc.main.id

  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "app_peers" {
  security_group_id            = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  referenced_security_group_id = aws_security_group.app.id
}

data "aws_security_group" "existing" {
  name = "shared-services"
}

resource "aws_security_group_rule" "existing_https" {
  type              = "ingress"
  security_group_id = data.aws_security_group.existing.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/16"]
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
