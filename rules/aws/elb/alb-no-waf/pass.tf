# ALBs protected by WAFv2 or WAF Classic (regional), an internal ALB, a Network Load Balancer,
# and an ALB that may be the target of an association looked up with a data source.
resource "aws_lb" "alb" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = aws_lb.alb.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"
}

resource "aws_alb" "legacy" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_wafregional_web_acl_association" "legacy" {
  resource_arn = aws_alb.legacy.id
  web_acl_id   = "abc"
}

resource "aws_lb" "internal" {
  internal = true
  subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb" "nlb" {
  load_balancer_type = "network"
  subnets            = ["subnet-0123456789abcdef0"]
}

resource "aws_lb" "maybe" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

data "aws_lb" "target" {
  tags = {
    Waf = "yes"
  }
}

resource "aws_wafv2_web_acl_association" "maybe" {
  resource_arn = data.aws_lb.target.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"
}
