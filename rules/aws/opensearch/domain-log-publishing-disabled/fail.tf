# No log publishing at all, and a log type listed but switched off.
resource "aws_opensearch_domain" "search" { # expect
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/search/app"
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "/search/audit"
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.app.arn
    enabled                  = false # expect
  }

  # enabled defaults to true in the provider: this one publishes.
  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
  }
}
