//! AWS Config: rules, aggregators and configuration recorders.
//!
//! Inside a written `recording_group`, the provider's `all_supported` defaults to `true`
//! (CloudFormation's `AllSupported` to false): the mapping writes it.

use super::{arg, block_list, boolean, copy_block, first_block, object, string_bool};
use super::{Join, Mapped, Mapping, Source};
use vigil_model::Node;

const RULE: &str = "AWS::Config::ConfigRule";
const AGGREGATOR: &str = "AWS::Config::ConfigurationAggregator";
const RECORDER: &str = "AWS::Config::ConfigurationRecorder";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_config_config_rule",
        kinds: &[RULE],
        map: config_rule,
    },
    Mapping {
        tf_type: "aws_config_configuration_aggregator",
        kinds: &[AGGREGATOR],
        map: aggregator,
    },
    Mapping {
        tf_type: "aws_config_configuration_recorder",
        kinds: &[RECORDER],
        map: recorder,
    },
];

pub static JOINS: &[Join] = &[];

fn config_rule(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "ConfigRuleName"),
            ("description", "Description"),
            ("maximum_execution_frequency", "MaximumExecutionFrequency"),
        ],
    );
    // A JSON string in the provider, an object in CloudFormation: `jsonencode` keeps its lines.
    p.set(
        "InputParameters",
        s.attr("input_parameters").map(|d| s.json(d)),
    );
    p.set(
        "Source",
        first_block(body, "source", |b| {
            copy_block(
                b,
                &[
                    ("Owner", "owner"),
                    ("SourceIdentifier", "source_identifier"),
                ],
            )
        }),
    );
    p.set(
        "Scope",
        first_block(body, "scope", |b| {
            copy_block(
                b,
                &[
                    ("ComplianceResourceId", "compliance_resource_id"),
                    ("ComplianceResourceTypes", "compliance_resource_types"),
                    ("TagKey", "tag_key"),
                    ("TagValue", "tag_value"),
                ],
            )
        }),
    );
    p.into_mapped(RULE)
}

/// An aggregation source block: `regions` and `all_regions` carry CloudFormation's `Aws`.
fn aggregation_source(b: &Node, with_accounts: bool) -> Node {
    let mut entries = vec![
        ("AwsRegions", arg(b, "regions")),
        ("AllAwsRegions", string_bool(arg(b, "all_regions"))),
    ];
    if with_accounts {
        entries.insert(0, ("AccountIds", arg(b, "account_ids")));
    } else {
        entries.insert(0, ("RoleArn", arg(b, "role_arn")));
    }
    object(b.span, entries)
}

fn aggregator(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy(s, "name", "ConfigurationAggregatorName");
    // At most one in the provider; a list in CloudFormation.
    p.set(
        "AccountAggregationSources",
        block_list(body, "account_aggregation_source", |b| {
            vec![aggregation_source(b, true)]
        }),
    );
    p.set(
        "OrganizationAggregationSource",
        first_block(body, "organization_aggregation_source", |b| {
            aggregation_source(b, false)
        }),
    );
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped(AGGREGATOR)
}

fn recorder(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(s, &[("name", "Name"), ("role_arn", "RoleARN")]);
    p.set(
        "RecordingGroup",
        first_block(body, "recording_group", |g| {
            let all_supported =
                string_bool(arg(g, "all_supported")).unwrap_or_else(|| boolean(true, g.span));
            object(
                g.span,
                vec![
                    ("AllSupported", Some(all_supported)),
                    (
                        "IncludeGlobalResourceTypes",
                        string_bool(arg(g, "include_global_resource_types")),
                    ),
                    ("ResourceTypes", arg(g, "resource_types")),
                    (
                        "RecordingStrategy",
                        first_block(g, "recording_strategy", |r| {
                            copy_block(r, &[("UseOnly", "use_only")])
                        }),
                    ),
                    (
                        "ExclusionByResourceTypes",
                        first_block(g, "exclusion_by_resource_types", |e| {
                            copy_block(e, &[("ResourceTypes", "resource_types")])
                        }),
                    ),
                ],
            )
        }),
    );
    p.set(
        "RecordingMode",
        first_block(body, "recording_mode", |m| {
            copy_block(m, &[("RecordingFrequency", "recording_frequency")])
        }),
    );
    p.into_mapped(RECORDER)
}
