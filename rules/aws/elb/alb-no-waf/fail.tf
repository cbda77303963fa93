# An internet-facing ALB without a web ACL; the second ALB has one.
resource "aws_lb" "alb" { # expect
  internal = false
  subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb" "protected" {
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_wafv2_web_acl_association" "protected" {
  resource_arn = aws_lb.protected.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"
}
