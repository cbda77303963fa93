# Every listed log type publishes: explicitly, by the provider default (enabled = true), or with a
# value only known at apply time.
data "aws_ssm_parameter" "audit" {
  name = "/search/audit-logs-enabled"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/search/app"
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "/search/audit"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.app.arn
    enabled                  = true
  }

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
  }
}

resource "aws_elasticsearch_domain" "unknown" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
    enabled                  = data.aws_ssm_parameter.audit.value
  }
}
