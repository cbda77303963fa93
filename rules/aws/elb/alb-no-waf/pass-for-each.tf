# ALBs and their web ACL associations created with for_each: each association refers to its
# own load balancer instance.
locals {
  sites = toset(["shop", "blog"])
}

resource "aws_lb" "site" {
  for_each = local.sites
  name     = each.key
  subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_wafv2_web_acl_association" "site" {
  for_each     = local.sites
  resource_arn = aws_lb.site[each.key].arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"
}
