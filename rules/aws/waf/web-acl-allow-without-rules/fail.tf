# Web ACLs that allow by default and contain no rules: WAFv2, WAF Classic and WAF Classic Regional.
resource "aws_wafv2_web_acl" "empty" {
  name  = "empty"
  scope = "REGIONAL"

  default_action { # expect
    allow {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "empty"
    sampled_requests_enabled   = true
  }
}

resource "aws_waf_web_acl" "classic" {
  name        = "classic"
  metric_name = "classic"

  default_action {
    type = "ALLOW" # expect
  }
}

resource "aws_wafregional_web_acl" "regional" {
  name        = "regional"
  metric_name = "regional"

  default_action {
    type = "ALLOW" # expect
  }
}
