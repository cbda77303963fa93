# An allow-by-default ACL with a managed rule group (written directly and through a dynamic block),
# a block-by-default ACL without rules, and WAF Classic ACLs with a rule.
variable "managed_rule_groups" {
  type    = list(string)
  default = ["AWSManagedRulesCommonRuleSet"]
}

resource "aws_wafv2_web_acl" "managed" {
  name  = "managed"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "common"
    priority = 0

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "managed"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl" "dynamic" {
  name  = "dynamic"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  dynamic "rule" {
    for_each = var.managed_rule_groups
    content {
      name     = rule.value
      priority = rule.key

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value
          vendor_name = "AWS"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = rule.value
        sampled_requests_enabled   = true
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "dynamic"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl" "allow_list" {
  name  = "allow-list"
  scope = "CLOUDFRONT"

  default_action {
    block {}
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "allow-list"
    sampled_requests_enabled   = true
  }
}

resource "aws_waf_web_acl" "classic" {
  name        = "classic"
  metric_name = "classic"

  default_action {
    type = "ALLOW"
  }

  rules {
    priority = 1
    rule_id  = "sql-injection-rule"
    type     = "REGULAR"

    action {
      type = "BLOCK"
    }
  }
}

resource "aws_wafregional_web_acl" "regional" {
  name        = "regional"
  metric_name = "regional"

  default_action {
    type = "ALLOW"
  }

  rule {
    priority = 1
    rule_id  = "sql-injection-rule"
    type     = "REGULAR"

    action {
      type = "BLOCK"
    }
  }
}
