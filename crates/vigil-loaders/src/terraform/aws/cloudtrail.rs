//! CloudTrail: `aws_cloudtrail`.
//!
//! CloudFormation requires `IsLogging`; the provider's `enable_logging` defaults to `true`,
//! which the mapping writes when it is omitted.

use super::{boolean, cfn_tags, reference, string_bool, Join, Mapped, Mapping, Source};
use vigil_model::{Node, Value};

const TRAIL: &str = "AWS::CloudTrail::Trail";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_cloudtrail",
    kinds: &[TRAIL],
    map: trail,
}];

pub static JOINS: &[Join] = &[];

fn trail(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "TrailName"),
            ("s3_bucket_name", "S3BucketName"),
            ("s3_key_prefix", "S3KeyPrefix"),
            ("sns_topic_name", "SnsTopicName"),
            ("cloud_watch_logs_role_arn", "CloudWatchLogsRoleArn"),
            ("kms_key_id", "KMSKeyId"),
        ],
    );
    let flag = |tf: &str| string_bool(s.attr(tf).cloned());
    p.set(
        "IsLogging",
        Some(flag("enable_logging").unwrap_or_else(|| boolean(true, s.span()))),
    );
    p.set(
        "EnableLogFileValidation",
        flag("enable_log_file_validation"),
    );
    p.set("IsMultiRegionTrail", flag("is_multi_region_trail"));
    p.set("IsOrganizationTrail", flag("is_organization_trail"));
    p.set(
        "IncludeGlobalServiceEvents",
        flag("include_global_service_events"),
    );
    p.set(
        "CloudWatchLogsLogGroupArn",
        s.attr("cloud_watch_logs_group_arn").map(log_group_arn),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(TRAIL)
}

/// `"${aws_cloudwatch_log_group.G.arn}:*"`, the usual way to write a trail's log group (the
/// provider's `arn` lacks CloudFormation's `:*`), is `GetAtt G.Arn`. The evaluator gives such
/// a template as an unknown that quotes it; anything else passes unchanged.
fn log_group_arn(node: &Node) -> Node {
    let Value::Unknown(why) = &node.value else {
        return node.clone();
    };
    let target = why
        .strip_prefix("`${")
        .and_then(|t| t.strip_suffix(".arn}:*` is known only after apply"))
        .filter(|t| !t.contains(['$', '{', '}', '`']));
    match target {
        Some(t)
            if (t.starts_with("aws_cloudwatch_log_group.")
                || t.contains(".aws_cloudwatch_log_group."))
                && !t.starts_with("data.")
                && !t.contains(".data.") =>
        {
            reference(t, "arn", node.span)
        }
        _ => node.clone(),
    }
}
