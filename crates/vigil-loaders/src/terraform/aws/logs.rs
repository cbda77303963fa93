//! logs: mappings onto canonical records (see docs/terraform.md).

use super::{Join, Mapped, Mapping, Source};
use vigil_model::{Node, Value};

pub static MAPPINGS: &[Mapping] = &[
    // --- CloudWatch Logs delivery (CloudFront standard logging v2); see the section below ---
    Mapping {
        tf_type: "aws_cloudwatch_log_delivery_source",
        kinds: &[DELIVERY_SOURCE],
        map: delivery_source,
    },
    Mapping {
        tf_type: "aws_cloudwatch_log_delivery_destination",
        kinds: &[DELIVERY_DESTINATION],
        map: delivery_destination,
    },
    Mapping {
        tf_type: "aws_cloudwatch_log_delivery",
        kinds: &[DELIVERY],
        map: delivery,
    },
    // --- Log groups; see the section below ---
    Mapping {
        tf_type: "aws_cloudwatch_log_group",
        kinds: &[LOG_GROUP],
        map: log_group,
    },
];

pub static JOINS: &[Join] = &[];

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs delivery: the "v2" standard logging of CloudFront distributions (and other
// services). A delivery source's `ResourceArn` refers to the distribution
// (`aws_cloudfront_distribution.x.arn`), which is how AWS-CF-001 finds it (`referrers()`).

const DELIVERY_SOURCE: &str = "AWS::Logs::DeliverySource";
const DELIVERY_DESTINATION: &str = "AWS::Logs::DeliveryDestination";
const DELIVERY: &str = "AWS::Logs::Delivery";

fn delivery_source(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("log_type", "LogType"),
            ("resource_arn", "ResourceArn"),
        ],
    );
    p.into_mapped(DELIVERY_SOURCE)
}

fn delivery_destination(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("name", "Name"), ("output_format", "OutputFormat")]);
    p.set(
        "DestinationResourceArn",
        s.block("delivery_destination_configuration")
            .and_then(|c| c.get("destination_resource_arn"))
            .cloned(),
    );
    p.into_mapped(DELIVERY_DESTINATION)
}

fn delivery(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("delivery_source_name", "DeliverySourceName"),
            ("delivery_destination_arn", "DeliveryDestinationArn"),
            ("field_delimiter", "FieldDelimiter"),
            ("record_fields", "RecordFields"),
        ],
    );
    p.into_mapped(DELIVERY)
}

// ---------------------------------------------------------------------------------------------
// Log groups. The provider's `retention_in_days = 0` (also its default) means "never expire",
// which CloudFormation says by leaving `RetentionInDays` out.

const LOG_GROUP: &str = "AWS::Logs::LogGroup";

fn log_group(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "LogGroupName"),
            ("kms_key_id", "KmsKeyId"),
            ("log_group_class", "LogGroupClass"),
        ],
    );
    p.set(
        "RetentionInDays",
        s.attr("retention_in_days").and_then(retention),
    );
    if p.get("LogGroupName").is_none() && s.attr("name_prefix").is_some() {
        // The provider appends a generated suffix.
        p.set(
            "LogGroupName",
            Some(Node::unknown(
                "name generated at apply",
                s.attr("name_prefix").and_then(|n| n.span),
            )),
        );
    }
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped(LOG_GROUP)
}

/// A retention period as a number; `0` is none.
fn retention(n: &Node) -> Option<Node> {
    let days = match &n.value {
        Value::Number(d) => Some(*d),
        Value::String(t) => t.trim().parse::<f64>().ok(),
        _ => return Some(n.clone()),
    };
    match days {
        Some(0.0) => None,
        Some(d) => Some(Node::new(Value::Number(d), n.span)),
        None => Some(n.clone()),
    }
}
