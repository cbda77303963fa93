# Policy attributes generated from a local map of cipher switches: the two weak ciphers turned
# on are findings on the same line (the attribute name inside `content`).
locals {
  ciphers = {
    "Protocol-TLSv1.2"            = "true"
    "ECDHE-RSA-AES128-GCM-SHA256" = "true"
    "AES128-SHA"                  = "true"
    "DES-CBC3-SHA"                = "true"
    "RC4-MD5"                     = "true"
    "EXP-DES-CBC-SHA"             = "false"
  }
}

resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }
}

resource "aws_load_balancer_policy" "custom" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "custom"
  policy_type_name   = "SSLNegotiationPolicyType"

  dynamic "policy_attribute" {
    for_each = local.ciphers

    content {
      name  = policy_attribute.key # expect
      value = policy_attribute.value
    }
  }
}
