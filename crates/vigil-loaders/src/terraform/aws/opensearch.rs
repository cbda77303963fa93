//! OpenSearch and Elasticsearch: `aws_opensearch_domain`, `aws_elasticsearch_domain`, and the
//! split access policy resources joined into their domain's `AccessPolicies`.
//!
//! Both kinds take the same blocks; two provider defaults differ from CloudFormation's and are
//! written: `enforce_https` inside a written `domain_endpoint_options`, and `enabled` of each
//! `log_publishing_options` block, are `true` when omitted.

use super::{arg, blocks_of, boolean, cfn_tags, copy_block, first_block, object, string_bool};
use super::{Blocks, Join, Joiner, Mapped, Mapping, Source};
use vigil_model::{Map, Node, Value};

const OPENSEARCH: &str = "AWS::OpenSearchService::Domain";
const ELASTICSEARCH: &str = "AWS::Elasticsearch::Domain";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_opensearch_domain",
        kinds: &[OPENSEARCH],
        map: opensearch_domain,
    },
    Mapping {
        tf_type: "aws_elasticsearch_domain",
        kinds: &[ELASTICSEARCH],
        map: elasticsearch_domain,
    },
];

pub static JOINS: &[Join] = &[
    Join {
        tf_type: "aws_opensearch_domain_policy",
        subjects: &[OPENSEARCH],
        join: join_opensearch_policy,
    },
    Join {
        tf_type: "aws_elasticsearch_domain_policy",
        subjects: &[ELASTICSEARCH],
        join: join_elasticsearch_policy,
    },
];

fn opensearch_domain(s: &Source) -> Vec<Mapped> {
    domain(s, OPENSEARCH)
}

fn elasticsearch_domain(s: &Source) -> Vec<Mapped> {
    domain(s, ELASTICSEARCH)
}

/// The properties both kinds share; the version and the cluster block are named differently.
fn domain(s: &Source, kind: &'static str) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy(s, "domain_name", "DomainName");
    let cluster_key = if kind == OPENSEARCH {
        p.copy(s, "engine_version", "EngineVersion");
        "ClusterConfig"
    } else {
        p.copy(s, "elasticsearch_version", "ElasticsearchVersion");
        "ElasticsearchClusterConfig"
    };
    p.set(
        cluster_key,
        first_block(body, "cluster_config", |c| {
            object(
                c.span,
                vec![
                    ("InstanceType", arg(c, "instance_type")),
                    ("InstanceCount", arg(c, "instance_count")),
                    (
                        "DedicatedMasterEnabled",
                        string_bool(arg(c, "dedicated_master_enabled")),
                    ),
                    ("DedicatedMasterType", arg(c, "dedicated_master_type")),
                    ("DedicatedMasterCount", arg(c, "dedicated_master_count")),
                    (
                        "ZoneAwarenessEnabled",
                        string_bool(arg(c, "zone_awareness_enabled")),
                    ),
                ],
            )
        }),
    );
    p.set(
        "DomainEndpointOptions",
        first_block(body, "domain_endpoint_options", |d| {
            // The provider enforces HTTPS unless told otherwise (CloudFormation does not).
            let enforce =
                string_bool(arg(d, "enforce_https")).unwrap_or_else(|| boolean(true, d.span));
            object(
                d.span,
                vec![
                    ("EnforceHTTPS", Some(enforce)),
                    ("TLSSecurityPolicy", arg(d, "tls_security_policy")),
                    (
                        "CustomEndpointEnabled",
                        string_bool(arg(d, "custom_endpoint_enabled")),
                    ),
                    ("CustomEndpoint", arg(d, "custom_endpoint")),
                    (
                        "CustomEndpointCertificateArn",
                        arg(d, "custom_endpoint_certificate_arn"),
                    ),
                ],
            )
        }),
    );
    p.set("LogPublishingOptions", log_publishing_options(body));
    p.set(
        "EncryptionAtRestOptions",
        first_block(body, "encrypt_at_rest", |e| {
            object(
                e.span,
                vec![
                    ("Enabled", string_bool(arg(e, "enabled"))),
                    ("KmsKeyId", arg(e, "kms_key_id")),
                ],
            )
        }),
    );
    p.set(
        "NodeToNodeEncryptionOptions",
        first_block(body, "node_to_node_encryption", |n| {
            object(n.span, vec![("Enabled", string_bool(arg(n, "enabled")))])
        }),
    );
    p.set(
        "VPCOptions",
        first_block(body, "vpc_options", |v| {
            copy_block(
                v,
                &[
                    ("SubnetIds", "subnet_ids"),
                    ("SecurityGroupIds", "security_group_ids"),
                ],
            )
        }),
    );
    p.set(
        "AdvancedSecurityOptions",
        first_block(body, "advanced_security_options", |a| {
            object(
                a.span,
                vec![
                    ("Enabled", string_bool(arg(a, "enabled"))),
                    (
                        "InternalUserDatabaseEnabled",
                        string_bool(arg(a, "internal_user_database_enabled")),
                    ),
                    (
                        "AnonymousAuthEnabled",
                        string_bool(arg(a, "anonymous_auth_enabled")),
                    ),
                    (
                        "MasterUserOptions",
                        first_block(a, "master_user_options", |m| {
                            copy_block(
                                m,
                                &[
                                    ("MasterUserARN", "master_user_arn"),
                                    ("MasterUserName", "master_user_name"),
                                    ("MasterUserPassword", "master_user_password"),
                                ],
                            )
                        }),
                    ),
                ],
            )
        }),
    );
    p.set(
        "AccessPolicies",
        s.attr("access_policies").map(|d| s.json(d)),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(kind)
}

/// Every `log_publishing_options` block as CloudFormation's map keyed by log type:
/// `{ES_APPLICATION_LOGS: {CloudWatchLogsLogGroupArn, Enabled}}`. The map is where the blocks
/// start (the first block, or the `dynamic` line), each entry at its block. An omitted
/// `enabled` is the provider's `true`. A log type known only after apply makes the whole map
/// unknown: which key it fills cannot be told.
fn log_publishing_options(body: &Node) -> Option<Node> {
    match blocks_of(body, "log_publishing_options") {
        Blocks::Absent => None,
        Blocks::Unknown(n) => Some(n.clone()),
        Blocks::Some { list, blocks } => {
            let mut m = Map::default();
            for b in blocks {
                let Some(log_type) = arg(b, "log_type") else {
                    continue;
                };
                let Some(key) = log_type.as_str() else {
                    return Some(Node::unknown("log type known only after apply", list.span));
                };
                let enabled =
                    string_bool(arg(b, "enabled")).unwrap_or_else(|| boolean(true, b.span));
                m.insert(
                    key.to_string(),
                    object(
                        b.span,
                        vec![
                            (
                                "CloudWatchLogsLogGroupArn",
                                arg(b, "cloudwatch_log_group_arn"),
                            ),
                            ("Enabled", Some(enabled)),
                        ],
                    ),
                );
            }
            Some(Node::new(Value::Map(m), list.span))
        }
    }
}

/// A split access policy replaces the domain's own: found by `domain_name`, a reference to the
/// domain or its name.
fn join_policy(s: &Source, j: &mut Joiner, kind: &str) {
    let Some(i) = j.subject(s.attr("domain_name"), kind, "DomainName") else {
        return;
    };
    if let Some(policy) = s.attr("access_policies") {
        j.set(i, &["AccessPolicies"], s.json(policy));
    }
}

fn join_opensearch_policy(s: &Source, j: &mut Joiner) {
    join_policy(s, j, OPENSEARCH);
}

fn join_elasticsearch_policy(s: &Source, j: &mut Joiner) {
    join_policy(s, j, ELASTICSEARCH);
}
