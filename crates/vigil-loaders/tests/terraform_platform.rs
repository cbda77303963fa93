//! The Terraform mappings of the platform group (OpenSearch, CodeBuild, CloudTrail, SageMaker,
//! EKS, ECR, Config, Cognito, CloudWatch Logs, WAF, GuardDuty, EFS, ECS): joins, conversions
//! and the provider defaults the mapping writes.

mod common;

use common::{load_clean as load, *};
use vigil_model::Node;

#[test]
fn opensearch_writes_the_provider_defaults_inside_written_blocks() {
    let l = load(
        r#"
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
  }

  log_publishing_options {
    log_type = "ES_APPLICATION_LOGS"
    enabled  = false
  }
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "/search/audit"
}

resource "aws_elasticsearch_domain" "bare" {
  domain_name           = "bare"
  elasticsearch_version = "7.10"
}
"#,
    );
    let d = resource(&l, "aws_opensearch_domain.search");
    assert_eq!(d.kind, "AWS::OpenSearchService::Domain");
    let https = prop(d, "DomainEndpointOptions.EnforceHTTPS");
    assert!(bool_of(https));
    assert_eq!(line(https), 6, "at the domain_endpoint_options block");

    let logs = prop(d, "LogPublishingOptions");
    assert_eq!(line(logs), 10, "the map is at the first block");
    let audit = prop(d, "LogPublishingOptions.AUDIT_LOGS.Enabled");
    assert!(bool_of(audit), "enabled defaults to true in the provider");
    assert_eq!(line(audit), 10);
    assert_eq!(
        reference(prop(
            d,
            "LogPublishingOptions.AUDIT_LOGS.CloudWatchLogsLogGroupArn"
        )),
        ("aws_cloudwatch_log_group.audit", Some("arn"))
    );
    let app = prop(d, "LogPublishingOptions.ES_APPLICATION_LOGS.Enabled");
    assert!(!bool_of(app));
    assert_eq!(line(app), 17);

    let es = resource(&l, "aws_elasticsearch_domain.bare");
    assert_eq!(es.kind, "AWS::Elasticsearch::Domain");
    assert_eq!(prop(es, "ElasticsearchVersion").as_str(), Some("7.10"));
    assert!(
        find(es, "DomainEndpointOptions").is_none(),
        "no block, nothing written"
    );
    assert!(find(es, "LogPublishingOptions").is_none());
    assert!(find(es, "EncryptionAtRestOptions").is_none());
}

#[test]
fn a_log_type_known_only_after_apply_makes_the_log_options_unknown() {
    let l = load(
        r#"
data "aws_ssm_parameter" "t" {
  name = "/log-type"
}
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  log_publishing_options {
    log_type                 = data.aws_ssm_parameter.t.value
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:x"
  }
}
"#,
    );
    let d = resource(&l, "aws_opensearch_domain.search");
    assert!(prop(d, "LogPublishingOptions").is_unknown());
}

#[test]
fn domain_policies_join_their_own_kind_of_domain() {
    let l = load(
        r#"
resource "aws_opensearch_domain" "search" {
  domain_name     = "search"
  access_policies = jsonencode({ Statement = [] })
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
}

resource "aws_opensearch_domain_policy" "search" {
  domain_name = aws_opensearch_domain.search.domain_name
  access_policies = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "es:*", Resource = "*" },
    ]
  })
}

resource "aws_elasticsearch_domain_policy" "legacy" {
  domain_name     = "legacy"
  access_policies = <<-EOT
    {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "es:*"}]}
  EOT
}

# An OpenSearch policy never joins an Elasticsearch domain, even by name.
resource "aws_opensearch_domain_policy" "wrong_kind" {
  domain_name     = "legacy"
  access_policies = jsonencode({ Statement = [{ Effect = "Allow" }] })
}
"#,
    );
    let os = resource(&l, "aws_opensearch_domain.search");
    let policy = prop(os, "AccessPolicies");
    assert_eq!(line(policy), 13, "the split resource wins, at its argument");
    let st = prop(os, "AccessPolicies.Statement.0");
    assert_eq!(line(st), 15, "each statement at its own line");
    assert_eq!(
        prop(os, "AccessPolicies.Statement.0.Action").as_str(),
        Some("es:*")
    );

    let es = resource(&l, "aws_elasticsearch_domain.legacy");
    assert_eq!(
        prop(es, "AccessPolicies.Statement.0.Effect").as_str(),
        Some("Deny"),
        "joined by name, the heredoc parsed"
    );
    assert!(
        !l.resources
            .iter()
            .any(|r| r.address.contains("domain_policy")),
        "policy resources are joined, not records of their own"
    );
}

// ---------------------------------------------------------------------------------------------
// CodeBuild.

#[test]
fn codebuild_environment_variables_sources_and_log_status() {
    let l = load(
        r#"
locals {
  extra = { TOKEN = "abc" }
}
resource "aws_codebuild_project" "build" {
  name           = "build"
  service_role   = aws_iam_role.build.arn
  encryption_key = aws_kms_key.k.arn

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    type            = "LINUX_CONTAINER"
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    privileged_mode = "true"

    environment_variable {
      name  = "STAGE"
      value = "prod"
    }

    dynamic "environment_variable" {
      for_each = local.extra
      content {
        name  = environment_variable.key
        value = environment_variable.value
        type  = "PLAINTEXT"
      }
    }
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/org/app.git"
  }

  secondary_sources {
    type              = "GITHUB"
    source_identifier = "tools"
    location          = "https://github.com/org/tools.git"
  }

  logs_config {
    s3_logs {
      location = "logs/build"
    }
  }
}
resource "aws_iam_role" "build" {
  name               = "build"
  assume_role_policy = "{}"
}
resource "aws_kms_key" "k" {}
"#,
    );
    let p = resource(&l, "aws_codebuild_project.build");
    assert_eq!(p.kind, "AWS::CodeBuild::Project");
    assert_eq!(
        reference(prop(p, "EncryptionKey")),
        ("aws_kms_key.k", Some("arn"))
    );
    assert!(
        bool_of(prop(p, "Environment.PrivilegedMode")),
        "a bool given as a string"
    );
    let vars = prop(p, "Environment.EnvironmentVariables");
    assert_eq!(line(vars), 20, "the list at the first block");
    assert_eq!(vars.as_list().unwrap().len(), 2);
    assert_eq!(
        prop(p, "Environment.EnvironmentVariables.1.Name").as_str(),
        Some("TOKEN")
    );
    assert_eq!(
        line(prop(p, "Environment.EnvironmentVariables.1")),
        27,
        "a generated block is at its content block"
    );
    assert!(find(p, "Environment.EnvironmentVariables.0.Type").is_none());
    assert_eq!(
        prop(p, "SecondarySources.0.SourceIdentifier").as_str(),
        Some("tools")
    );
    let status = prop(p, "LogsConfig.S3Logs.Status");
    assert_eq!(status.as_str(), Some("DISABLED"), "the provider default");
    assert_eq!(line(status), 47, "at the s3_logs block");
    assert!(find(p, "LogsConfig.S3Logs.EncryptionDisabled").is_none());
}

// ---------------------------------------------------------------------------------------------
// CloudTrail.

#[test]
fn cloudtrail_logging_default_and_log_group_idiom() {
    let l = load(
        r#"
resource "aws_cloudwatch_log_group" "trail" {
  name = "/audit/trail"
}
data "aws_cloudwatch_log_group" "shared" {
  name = "/audit/shared"
}
resource "aws_cloudtrail" "trail" {
  name                       = "trail"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  kms_key_id                 = ""
}
resource "aws_cloudtrail" "imported" {
  name                       = "imported"
  s3_bucket_name             = "audit-logs"
  enable_logging             = false
  cloud_watch_logs_group_arn = "${data.aws_cloudwatch_log_group.shared.arn}:*"
}
"#,
    );
    let t = resource(&l, "aws_cloudtrail.trail");
    let logging = prop(t, "IsLogging");
    assert!(bool_of(logging), "the provider default");
    assert_eq!(line(logging), 8, "at the resource line");
    let group = prop(t, "CloudWatchLogsLogGroupArn");
    assert_eq!(
        reference(group),
        ("aws_cloudwatch_log_group.trail", Some("arn"))
    );
    assert_eq!(line(group), 11);
    assert_eq!(prop(t, "KMSKeyId").as_str(), Some(""), "kept as written");
    assert!(find(t, "IsMultiRegionTrail").is_none());

    let i = resource(&l, "aws_cloudtrail.imported");
    assert!(!bool_of(prop(i, "IsLogging")));
    assert!(prop(i, "CloudWatchLogsLogGroupArn").is_unknown());
}

// ---------------------------------------------------------------------------------------------
// SageMaker, EKS.

#[test]
fn sagemaker_variants_keep_their_serverless_config() {
    let l = load(
        r#"
resource "aws_sagemaker_endpoint_configuration" "c" {
  name = "c"
  production_variants {
    model_name             = "m"
    variant_name           = "primary"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
  production_variants {
    model_name   = "m"
    variant_name = "serverless"
    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }
}
resource "aws_sagemaker_notebook_instance" "n" {
  name            = "n"
  instance_type   = "ml.t3.medium"
  role_arn        = "arn:aws:iam::111122223333:role/notebook"
  security_groups = ["sg-1"]
  kms_key_id      = aws_kms_key.k.key_id
}
resource "aws_kms_key" "k" {}
"#,
    );
    let c = resource(&l, "aws_sagemaker_endpoint_configuration.c");
    assert!(find(c, "ProductionVariants.0.ServerlessConfig").is_none());
    assert_eq!(
        number(prop(
            c,
            "ProductionVariants.1.ServerlessConfig.MemorySizeInMB"
        )),
        2048.0
    );
    let n = resource(&l, "aws_sagemaker_notebook_instance.n");
    assert_eq!(prop(n, "SecurityGroupIds.0").as_str(), Some("sg-1"));
    assert_eq!(
        reference(prop(n, "KmsKeyId")),
        ("aws_kms_key.k", Some("key_id"))
    );
    assert!(find(n, "DirectInternetAccess").is_none());
}

#[test]
fn eks_log_types_become_typed_items_and_encryption_a_list() {
    let l = load(
        r#"
variable "types" {
  default = ["api", "audit"]
}
resource "aws_eks_cluster" "c" {
  name                      = "c"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = var.types

  vpc_config {
    subnet_ids = ["subnet-1"]
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.k.arn
    }
  }
}
resource "aws_eks_cluster" "none" {
  name                      = "none"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = []
  vpc_config {
    subnet_ids = ["subnet-1"]
  }
}
resource "aws_kms_key" "k" {}
resource "aws_eks_node_group" "g" {
  cluster_name    = aws_eks_cluster.c.name
  node_group_name = "g"
  node_role_arn   = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids      = ["subnet-1"]
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = []
  }
}
"#,
    );
    let c = resource(&l, "aws_eks_cluster.c");
    let types = prop(c, "Logging.ClusterLogging.EnabledTypes");
    assert_eq!(line(types), 8, "at the argument");
    assert_eq!(line(prop(c, "Logging")), 8);
    assert_eq!(
        prop(c, "Logging.ClusterLogging.EnabledTypes.1.Type").as_str(),
        Some("audit")
    );
    assert_eq!(line(prop(c, "EncryptionConfig")), 14);
    assert_eq!(
        prop(c, "EncryptionConfig.0.Resources.0").as_str(),
        Some("secrets")
    );
    assert_eq!(
        reference(prop(c, "EncryptionConfig.0.Provider.KeyArn")),
        ("aws_kms_key.k", Some("arn"))
    );
    assert!(find(c, "ResourcesVpcConfig.PublicAccessCidrs").is_none());

    let none = resource(&l, "aws_eks_cluster.none");
    assert_eq!(
        prop(none, "Logging.ClusterLogging.EnabledTypes")
            .as_list()
            .map(<[Node]>::len),
        Some(0)
    );

    let g = resource(&l, "aws_eks_node_group.g");
    assert_eq!(g.kind, "AWS::EKS::Nodegroup");
    assert_eq!(
        reference(prop(g, "ClusterName")),
        ("aws_eks_cluster.c", Some("name"))
    );
    assert_eq!(line(prop(g, "RemoteAccess")), 35);
    assert_eq!(
        prop(g, "RemoteAccess.SourceSecurityGroups")
            .as_list()
            .map(<[Node]>::len),
        Some(0),
        "[] kept"
    );
}

// ---------------------------------------------------------------------------------------------
// ECR.

#[test]
fn ecr_policies_join_by_reference_or_name() {
    let l = load(
        r#"
resource "aws_ecr_repository" "app" {
  name = "app"
  image_scanning_configuration {
    scan_on_push = true
  }
}
resource "aws_ecr_repository" "worker" {
  name = "worker"
}
data "aws_iam_policy_document" "pull" {
  statement {
    actions = ["ecr:BatchGetImage"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = data.aws_iam_policy_document.pull.json
}
resource "aws_ecr_repository_policy" "worker" {
  repository = "worker"
  policy     = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*" }] })
}
resource "aws_ecr_lifecycle_policy" "worker" {
  repository = aws_ecr_repository.worker.name
  policy     = jsonencode({ rules = [] })
}
resource "aws_ecr_repository_policy" "elsewhere" {
  repository = "not-in-this-configuration"
  policy     = "{}"
}
resource "aws_ecr_registry_scanning_configuration" "r" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}
"#,
    );
    let app = resource(&l, "aws_ecr_repository.app");
    assert!(bool_of(prop(app, "ImageScanningConfiguration.ScanOnPush")));
    let policy = prop(app, "RepositoryPolicyText");
    assert_eq!(line(policy), 22, "at the policy argument");
    let st = prop(app, "RepositoryPolicyText.Statement.0");
    assert_eq!(
        line(st),
        12,
        "the statement at its block in the data source"
    );
    assert_eq!(
        prop(app, "RepositoryPolicyText.Statement.0.Principal").as_str(),
        Some("*")
    );

    let worker = resource(&l, "aws_ecr_repository.worker");
    assert_eq!(
        prop(worker, "RepositoryPolicyText.Statement.0.Effect").as_str(),
        Some("Deny")
    );
    assert!(find(worker, "LifecyclePolicy.LifecyclePolicyText").is_some());

    let r = resource(&l, "aws_ecr_registry_scanning_configuration.r");
    assert_eq!(r.kind, "AWS::ECR::RegistryScanningConfiguration");
    assert_eq!(
        prop(r, "Rules.0.RepositoryFilters.0.FilterType").as_str(),
        Some("WILDCARD")
    );
    assert_eq!(l.resources.len(), 3, "policies are joined or dropped");
}

// ---------------------------------------------------------------------------------------------
// Config, Cognito, GuardDuty, Logs.

#[test]
fn config_defaults_and_input_parameters() {
    let l = load(
        r#"
resource "aws_config_configuration_recorder" "r" {
  name     = "default"
  role_arn = "arn:aws:iam::111122223333:role/config"
  recording_group {
    include_global_resource_types = true
  }
}
resource "aws_config_configuration_aggregator" "a" {
  name = "a"
  account_aggregation_source {
    account_ids = ["111122223333"]
    regions     = ["eu-west-1"]
  }
}
resource "aws_config_config_rule" "keys" {
  name             = "keys"
  input_parameters = jsonencode({ maxAccessKeyAge = "180" })
  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}
"#,
    );
    let r = resource(&l, "aws_config_configuration_recorder.r");
    let all = prop(r, "RecordingGroup.AllSupported");
    assert!(bool_of(all), "the provider default inside a written block");
    assert_eq!(line(all), 5);

    let a = resource(&l, "aws_config_configuration_aggregator.a");
    let sources = prop(a, "AccountAggregationSources");
    assert_eq!(line(sources), 11, "a list of one, at the block");
    assert_eq!(
        prop(a, "AccountAggregationSources.0.AwsRegions.0").as_str(),
        Some("eu-west-1")
    );
    assert!(find(a, "AccountAggregationSources.0.AllAwsRegions").is_none());

    let k = resource(&l, "aws_config_config_rule.keys");
    let age = prop(k, "InputParameters.maxAccessKeyAge");
    assert_eq!(age.as_str(), Some("180"), "a tree, not a string");
    assert_eq!(line(age), 18);
}

#[test]
fn cognito_guardduty_and_log_group_defaults() {
    let l = load(
        r#"
resource "aws_cognito_identity_pool" "p" {
  identity_pool_name = "p"
}
resource "aws_cognito_user_pool" "u" {
  name              = "u"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}
resource "aws_guardduty_detector" "d" {}
resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.d.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
resource "aws_cloudwatch_log_group" "zero" {
  name              = "/zero"
  retention_in_days = 0
}
resource "aws_cloudwatch_log_group" "year" {
  name              = "/year"
  retention_in_days = 365
}
"#,
    );
    let p = resource(&l, "aws_cognito_identity_pool.p");
    let unauth = prop(p, "AllowUnauthenticatedIdentities");
    assert!(
        !bool_of(unauth),
        "the provider default, required by CloudFormation"
    );
    assert_eq!(line(unauth), 2);

    let u = resource(&l, "aws_cognito_user_pool.u");
    assert_eq!(
        prop(u, "EnabledMfas.0").as_str(),
        Some("SOFTWARE_TOKEN_MFA")
    );
    assert_eq!(
        prop(u, "UserPoolAddOns.AdvancedSecurityMode").as_str(),
        Some("ENFORCED")
    );

    let d = resource(&l, "aws_guardduty_detector.d");
    assert!(bool_of(prop(d, "Enable")), "the provider default");
    assert_eq!(prop(d, "Features.0.Name").as_str(), Some("S3_DATA_EVENTS"));

    let zero = resource(&l, "aws_cloudwatch_log_group.zero");
    assert_eq!(zero.kind, "AWS::Logs::LogGroup");
    assert!(find(zero, "RetentionInDays").is_none(), "0 is never expire");
    let year = resource(&l, "aws_cloudwatch_log_group.year");
    assert_eq!(number(prop(year, "RetentionInDays")), 365.0);
}

// ---------------------------------------------------------------------------------------------
// WAF, ECS, EFS.

#[test]
fn wafv2_rules_take_cloudformation_names() {
    let l = load(
        r#"
variable "allow" {
  default = false
}
resource "aws_wafv2_web_acl" "w" {
  name  = "w"
  scope = "REGIONAL"

  default_action {
    dynamic "allow" {
      for_each = var.allow ? [1] : []
      content {}
    }
    dynamic "block" {
      for_each = var.allow ? [] : [1]
      content {}
    }
  }

  rule {
    name     = "common"
    priority = 0
    override_action {
      none {}
    }
    statement {
      and_statement {
        statement {
          ip_set_reference_statement {
            arn = "arn:aws:wafv2:eu-west-1:111122223333:regional/ipset/x/1"
          }
        }
        statement {
          managed_rule_group_statement {
            name        = "AWSManagedRulesCommonRuleSet"
            vendor_name = "AWS"
          }
        }
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
    metric_name                = "w"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl" "json" {
  name  = "json"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule_json = jsonencode([{ Name = "r", Priority = 1 }])
  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "json"
    sampled_requests_enabled   = false
  }
}

resource "aws_wafv2_web_acl" "outside" {
  name  = "outside"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "outside"
    sampled_requests_enabled   = false
  }
}

resource "aws_wafv2_web_acl_rule_group_association" "common" {
  rule_name   = "common"
  priority    = 10
  web_acl_arn = aws_wafv2_web_acl.outside.arn
  managed_rule_group {
    name        = "AWSManagedRulesCommonRuleSet"
    vendor_name = "AWS"
  }
}
"#,
    );
    let w = resource(&l, "aws_wafv2_web_acl.w");
    assert!(
        find(w, "DefaultAction.Allow").is_none(),
        "nothing generated"
    );
    assert!(find(w, "DefaultAction.Block").is_some());
    assert!(find(w, "Rules.0.OverrideAction.None").is_some());
    assert_eq!(
        prop(
            w,
            "Rules.0.Statement.AndStatement.Statements.1.ManagedRuleGroupStatement.VendorName"
        )
        .as_str(),
        Some("AWS")
    );
    assert!(find(
        w,
        "Rules.0.Statement.AndStatement.Statements.0.IPSetReferenceStatement.Arn"
    )
    .is_some());
    assert!(bool_of(prop(
        w,
        "Rules.0.VisibilityConfig.CloudWatchMetricsEnabled"
    )));

    let json = resource(&l, "aws_wafv2_web_acl.json");
    assert_eq!(prop(json, "Rules.0.Name").as_str(), Some("r"));

    let outside = resource(&l, "aws_wafv2_web_acl.outside");
    assert_eq!(
        prop(outside, "Rules.0.Statement.ManagedRuleGroupStatement.Name").as_str(),
        Some("AWSManagedRulesCommonRuleSet"),
        "a rule added from outside the ACL is joined"
    );
}

#[test]
fn waf_classic_ecs_and_efs() {
    let l = load(
        r#"
resource "aws_waf_web_acl" "c" {
  name        = "c"
  metric_name = "c"
  default_action {
    type = "ALLOW"
  }
  rules {
    priority = 1
    rule_id  = "r"
    action {
      type = "BLOCK"
    }
  }
}
resource "aws_wafregional_web_acl" "r" {
  name        = "r"
  metric_name = "r"
  default_action {
    type = "ALLOW"
  }
}
resource "aws_ecs_cluster" "c" {
  name = "c"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
resource "aws_efs_file_system" "f" {
  encrypted = "true"
}
"#,
    );
    let c = resource(&l, "aws_waf_web_acl.c");
    assert_eq!(c.kind, "AWS::WAF::WebACL");
    assert_eq!(line(prop(c, "DefaultAction.Type")), 6);
    assert_eq!(prop(c, "Rules.0.Action.Type").as_str(), Some("BLOCK"));
    let r = resource(&l, "aws_wafregional_web_acl.r");
    assert_eq!(r.kind, "AWS::WAFRegional::WebACL");
    assert!(find(r, "Rules").is_none());

    let e = resource(&l, "aws_ecs_cluster.c");
    assert_eq!(line(prop(e, "ClusterSettings")), 25);
    assert_eq!(prop(e, "ClusterSettings.0.Value").as_str(), Some("enabled"));

    let f = resource(&l, "aws_efs_file_system.f");
    assert!(
        bool_of(prop(f, "Encrypted")),
        "converted by the schema type"
    );
}
