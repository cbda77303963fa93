# Two ALBs created with count, a web ACL associated with the first only: the second instance is
# the finding, on the resource line.
resource "aws_lb" "web" { # expect
  count   = 2
  name    = "web-${count.index}"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web[0].arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"
}
