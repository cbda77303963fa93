//! The Terraform mapping of the application services (Lambda, API Gateway, CloudFront, SNS,
//! SQS, ACM): joins, synthesized policy records, provider defaults written, unknown blocks.

mod common;

use common::*;

#[test]
fn lambda_environment_values_become_strings_and_unknown_dynamic_blocks_stay_unknown() {
    let l = load(
        r#"
variable "dlq" {
  type = bool
}
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  environment {
    variables = {
      TTL     = 3600
      ENABLED = true
      NAME    = "orders"
    }
  }
  dynamic "dead_letter_config" {
    for_each = var.dlq ? [1] : []
    content {
      target_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
    }
  }
}
resource "aws_lambda_function" "plain" {
  function_name = "plain"
  role          = "arn:aws:iam::123456789012:role/plain"
  environment {}
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let f = resource(&l, "aws_lambda_function.worker");
    assert_eq!(f.kind, "AWS::Lambda::Function");
    let ttl = prop(f, "Environment.Variables.TTL");
    assert_eq!(ttl.as_str(), Some("3600"));
    assert_eq!(line(ttl), 10);
    assert_eq!(
        prop(f, "Environment.Variables.ENABLED").as_str(),
        Some("true")
    );
    assert_eq!(line(prop(f, "Environment")), 8, "the block's line");
    assert!(
        prop(f, "DeadLetterConfig").is_unknown(),
        "a dynamic block of unknown count is unknown, not absent"
    );
    assert!(!has(f, "TracingConfig"), "provider default not written");
    let plain = resource(&l, "aws_lambda_function.plain");
    assert_eq!(
        prop(plain, "Environment").as_map().map(|m| m.len()),
        Some(0)
    );
}

#[test]
fn event_invoke_configs_refer_to_their_function_and_default_the_qualifier() {
    let l = load(
        r#"
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
}
resource "aws_lambda_function_event_invoke_config" "worker" {
  function_name = aws_lambda_function.worker.function_name
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:eu-west-1:123456789012:failed"
    }
  }
}
resource "aws_lambda_permission" "versioned" {
  function_name = "worker"
  qualifier     = "live"
  action        = "lambda:InvokeFunction"
  principal     = "events.amazonaws.com"
}
"#,
    );
    let c = resource(&l, "aws_lambda_function_event_invoke_config.worker");
    assert_eq!(
        target(prop(c, "FunctionName")),
        "aws_lambda_function.worker"
    );
    assert_eq!(prop(c, "Qualifier").as_str(), Some("$LATEST"));
    assert_eq!(
        line(prop(c, "Qualifier")),
        6,
        "the default points at the resource"
    );
    let on_failure = prop(c, "DestinationConfig.OnFailure.Destination");
    assert_eq!(line(on_failure), 10);
    assert!(!has(c, "DestinationConfig.OnSuccess"));
    let p = resource(&l, "aws_lambda_permission.versioned");
    assert_eq!(prop(p, "FunctionName").as_str(), Some("worker:live"));
}

const API: &str = r#"
variable "stage" {
  type = string
}
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "prod"
}
resource "aws_api_gateway_deployment" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}
resource "aws_api_gateway_method_settings" "by_reference" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "orders/items/GET"
  settings {
    logging_level   = "INFO"
    caching_enabled = true
  }
}
resource "aws_api_gateway_method_settings" "by_name" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  method_path = "*/*"
  settings {
    metrics_enabled = true
  }
}
resource "aws_api_gateway_method_settings" "deployment" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_deployment.dev.stage_name
  method_path = "*/*"
  settings {
    logging_level = "ERROR"
  }
}
resource "aws_api_gateway_method_settings" "unknown" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = var.stage
  method_path = "*/*"
  settings {
    logging_level = "ERROR"
  }
}
resource "aws_api_gateway_method_settings" "elsewhere" {
  rest_api_id = "other-api"
  stage_name  = "prod"
  method_path = "*/*"
  settings {
    logging_level = "ERROR"
  }
}
"#;

#[test]
fn method_settings_join_their_stage_by_reference_by_name_or_as_unknown() {
    let l = load(API);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert!(
        !l.resources
            .iter()
            .any(|r| r.address.contains("method_settings")),
        "method settings are folded into their stage"
    );
    let prod = resource(&l, "aws_api_gateway_stage.prod");
    let settings = prop(prod, "MethodSettings");
    assert_eq!(line(settings), 8, "the list points at the stage");
    // By reference, by name and the unknown one; `elsewhere` belongs to another API.
    assert_eq!(settings.as_list().unwrap().len(), 3);
    let first = prop(prod, "MethodSettings.0");
    assert_eq!(line(first), 17, "an item points at its method settings");
    assert_eq!(
        prop(prod, "MethodSettings.0.ResourcePath").as_str(),
        Some("/~1orders~1items")
    );
    assert_eq!(
        prop(prod, "MethodSettings.0.HttpMethod").as_str(),
        Some("GET")
    );
    let level = prop(prod, "MethodSettings.0.LoggingLevel");
    assert_eq!(level.as_str(), Some("INFO"));
    assert_eq!(line(level), 22);
    assert_eq!(
        prop(prod, "MethodSettings.1.ResourcePath").as_str(),
        Some("/*")
    );
    assert!(!has(prod, "MethodSettings.1.LoggingLevel"));
    assert!(prop(prod, "MethodSettings.2").is_unknown());

    let dev = resource(&l, "aws_api_gateway_deployment.dev");
    assert_eq!(dev.kind, "AWS::ApiGateway::Deployment");
    let dev_settings = prop(dev, "StageDescription.MethodSettings");
    assert_eq!(dev_settings.as_list().unwrap().len(), 2);
    assert_eq!(
        prop(dev, "StageDescription.MethodSettings.0.LoggingLevel").as_str(),
        Some("ERROR")
    );
    assert!(prop(dev, "StageDescription.MethodSettings.1").is_unknown());
    assert_eq!(line(prop(dev, "StageDescription")), 13);
}

#[test]
fn v2_stages_keep_their_api_reference_and_route_settings_by_key() {
    let l = load(
        r#"
resource "aws_apigatewayv2_api" "chat" {
  name          = "chat"
  protocol_type = "WEBSOCKET"
}
resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.chat.id
  name   = "prod"
  default_route_settings {
    data_trace_enabled = false
  }
  route_settings {
    route_key     = "$connect"
    logging_level = "INFO"
  }
}
resource "aws_apigatewayv2_domain_name" "ws" {
  domain_name = "ws.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
"#,
    );
    let s = resource(&l, "aws_apigatewayv2_stage.prod");
    assert_eq!(target(prop(s, "ApiId")), "aws_apigatewayv2_api.chat");
    assert_eq!(line(prop(s, "DefaultRouteSettings")), 9);
    assert!(!has(s, "DefaultRouteSettings.LoggingLevel"));
    assert_eq!(
        prop(s, "RouteSettings.$connect.LoggingLevel").as_str(),
        Some("INFO")
    );
    let d = resource(&l, "aws_apigatewayv2_domain_name.ws");
    let c = prop(d, "DomainNameConfigurations.0");
    assert_eq!(line(c), 19);
    assert_eq!(
        prop(d, "DomainNameConfigurations.0.SecurityPolicy").as_str(),
        Some("TLS_1_2")
    );
}

#[test]
fn cloudfront_distribution_config_lists_origins_and_behaviors_in_order() {
    let l = load(
        r#"
variable "extra" {
  default = ["b.example.com"]
}
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    origin_id   = "a"
    domain_name = "a.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "match-viewer"
      origin_ssl_protocols   = ["SSLv3", "TLSv1.2"]
    }
  }
  dynamic "origin" {
    for_each = var.extra
    content {
      origin_id   = origin.value
      domain_name = origin.value
      s3_origin_config {
        origin_access_identity = "origin-access-identity/cloudfront/E1"
      }
    }
  }
  default_cache_behavior {
    target_origin_id       = "a"
    viewer_protocol_policy = "allow-all"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "a"
    viewer_protocol_policy = "https-only"
  }
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    ssl_support_method  = "sni-only"
  }
}
resource "aws_cloudwatch_log_delivery_source" "site" {
  name         = "site"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.site.arn
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let d = resource(&l, "aws_cloudfront_distribution.site");
    assert_eq!(d.kind, "AWS::CloudFront::Distribution");
    assert_eq!(line(prop(d, "DistributionConfig")), 5, "the resource line");
    assert_eq!(line(prop(d, "DistributionConfig.Origins.0")), 7);
    assert_eq!(
        line(prop(d, "DistributionConfig.Origins.1")),
        19,
        "content line"
    );
    assert_eq!(
        prop(d, "DistributionConfig.Origins.1.Id").as_str(),
        Some("b.example.com")
    );
    assert!(!has(d, "DistributionConfig.Origins.1.CustomOriginConfig"));
    let ssl = prop(
        d,
        "DistributionConfig.Origins.0.CustomOriginConfig.OriginSSLProtocols",
    );
    assert_eq!(ssl.as_list().unwrap()[0].as_str(), Some("SSLv3"));
    assert_eq!(
        prop(d, "DistributionConfig.CacheBehaviors.0.PathPattern").as_str(),
        Some("/api/*")
    );
    assert_eq!(line(prop(d, "DistributionConfig.ViewerCertificate")), 36);
    assert!(
        !has(
            d,
            "DistributionConfig.ViewerCertificate.MinimumProtocolVersion"
        ),
        "the provider default is not written"
    );
    assert!(!has(d, "DistributionConfig.Logging"));
    let source = resource(&l, "aws_cloudwatch_log_delivery_source.site");
    assert_eq!(source.kind, "AWS::Logs::DeliverySource");
    assert_eq!(
        target(prop(source, "ResourceArn")),
        "aws_cloudfront_distribution.site"
    );
}

#[test]
fn topic_and_queue_policy_arguments_become_policy_records() {
    let l = load(
        r#"
data "aws_iam_policy_document" "publish" {
  statement {
    actions   = ["sns:Publish"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = data.aws_iam_policy_document.publish.json
}
resource "aws_sqs_queue" "jobs" {
  for_each = toset(["a"])
  name     = each.key
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
    }]
  })
}
resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs["a"].id
  policy    = "{\"Statement\": []}"
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let topic = resource(&l, "aws_sns_topic.alerts");
    assert_eq!(topic.kind, "AWS::SNS::Topic");
    assert!(!has(topic, "PolicyDocument"));
    let tp = resource(&l, "aws_sns_topic.alerts.policy");
    assert_eq!(tp.kind, "AWS::SNS::TopicPolicy");
    assert_eq!(tp.span(), topic.span(), "the topic's resource line");
    assert_eq!(target(prop(tp, "Topics.0")), "aws_sns_topic.alerts");
    let doc = prop(tp, "PolicyDocument");
    assert_eq!(line(doc), 14, "the policy argument, not the data source");
    assert_eq!(
        prop(tp, "PolicyDocument.Statement.0.Principal").as_str(),
        Some("*")
    );
    assert_eq!(line(prop(tp, "PolicyDocument.Statement.0")), 3);

    let qp = resource(&l, "aws_sqs_queue.jobs[\"a\"].policy");
    assert_eq!(qp.kind, "AWS::SQS::QueuePolicy");
    assert_eq!(target(prop(qp, "Queues.0")), "aws_sqs_queue.jobs[\"a\"]");
    assert_eq!(line(prop(qp, "PolicyDocument")), 19);
    let q = resource(&l, "aws_sqs_queue.jobs[\"a\"]");
    assert!(
        !has(q, "SqsManagedSseEnabled"),
        "the provider's computed default is not written"
    );
    let separate = resource(&l, "aws_sqs_queue_policy.jobs");
    assert_eq!(
        target(prop(separate, "Queues.0")),
        "aws_sqs_queue.jobs[\"a\"]"
    );
}

#[test]
fn acm_transparency_preference_comes_from_the_options_block() {
    let l = load(
        r#"
resource "aws_acm_certificate" "internal" {
  domain_name               = "*.example.com"
  subject_alternative_names = ["a.example.com"]
  validation_method         = "DNS"
  options {
    certificate_transparency_logging_preference = "DISABLED"
  }
}
resource "aws_acm_certificate" "imported" {
  private_key      = "-----BEGIN PRIVATE KEY-----"
  certificate_body = "-----BEGIN CERTIFICATE-----"
}
"#,
    );
    let c = resource(&l, "aws_acm_certificate.internal");
    let pref = prop(c, "CertificateTransparencyLoggingPreference");
    assert_eq!(pref.as_str(), Some("DISABLED"));
    assert_eq!(line(pref), 7);
    let imported = resource(&l, "aws_acm_certificate.imported");
    assert_eq!(imported.kind, "AWS::CertificateManager::Certificate");
    assert!(!has(imported, "DomainName"));
    assert!(!has(imported, "CertificateTransparencyLoggingPreference"));
}
