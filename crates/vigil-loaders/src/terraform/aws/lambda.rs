//! Lambda: functions, their event invoke configs, permissions and function URLs.
//!
//! Also holds small helpers for nested blocks that the application services (API Gateway,
//! CloudFront, SNS, SQS, ACM) share; see the end of this file.

use super::{arg, first_block};
use super::{cfn_tags, object, string, Join, Mapped, Mapping, Source};
use crate::terraform::eval;
use vigil_model::{Map, Node, Value};

const FUNCTION: &str = "AWS::Lambda::Function";
const INVOKE_CONFIG: &str = "AWS::Lambda::EventInvokeConfig";
const PERMISSION: &str = "AWS::Lambda::Permission";
const URL: &str = "AWS::Lambda::Url";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_lambda_function",
        kinds: &[FUNCTION],
        map: function,
    },
    Mapping {
        tf_type: "aws_lambda_function_event_invoke_config",
        kinds: &[INVOKE_CONFIG],
        map: event_invoke_config,
    },
    Mapping {
        tf_type: "aws_lambda_permission",
        kinds: &[PERMISSION],
        map: permission,
    },
    Mapping {
        tf_type: "aws_lambda_function_url",
        kinds: &[URL],
        map: function_url,
    },
];

pub static JOINS: &[Join] = &[];

fn function(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("function_name", "FunctionName"),
            ("description", "Description"),
            ("runtime", "Runtime"),
            ("handler", "Handler"),
            ("role", "Role"),
            ("kms_key_arn", "KmsKeyArn"),
            ("package_type", "PackageType"),
            ("memory_size", "MemorySize"),
            ("timeout", "Timeout"),
            ("architectures", "Architectures"),
            ("layers", "Layers"),
            (
                "reserved_concurrent_executions",
                "ReservedConcurrentExecutions",
            ),
        ],
    );
    // `filename` is a local path: no `Code.ZipFile`; S3 objects and images are known.
    let code = [
        ("s3_bucket", "S3Bucket"),
        ("s3_key", "S3Key"),
        ("s3_object_version", "S3ObjectVersion"),
        ("image_uri", "ImageUri"),
    ]
    .iter()
    .filter_map(|(tf, cfn)| s.attr(tf).map(|v| (*cfn, Some(v.clone()))))
    .collect::<Vec<_>>();
    if !code.is_empty() {
        p.set("Code", Some(object(s.span(), code)));
    }
    p.set(
        "Environment",
        first_block(&s.resource.attributes, "environment", |e| {
            object(
                e.span,
                vec![("Variables", arg(e, "variables").as_ref().map(string_map))],
            )
        }),
    );
    p.set(
        "DeadLetterConfig",
        first_block(&s.resource.attributes, "dead_letter_config", |d| {
            object(d.span, vec![("TargetArn", arg(d, "target_arn"))])
        }),
    );
    p.set(
        "TracingConfig",
        first_block(&s.resource.attributes, "tracing_config", |t| {
            object(t.span, vec![("Mode", arg(t, "mode"))])
        }),
    );
    p.set(
        "VpcConfig",
        first_block(&s.resource.attributes, "vpc_config", |v| {
            object(
                v.span,
                vec![
                    ("SubnetIds", arg(v, "subnet_ids")),
                    ("SecurityGroupIds", arg(v, "security_group_ids")),
                ],
            )
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(FUNCTION)
}

/// A `map(string)` argument: numbers and bools become strings, as Terraform converts them.
fn string_map(node: &Node) -> Node {
    let Value::Map(m) = &node.value else {
        return node.clone();
    };
    let converted: Map = m
        .iter()
        .map(|(k, v)| {
            let v = match (&v.value, eval::to_string(v)) {
                (Value::Number(_) | Value::Bool(_), Some(text)) => string(&text, v.span),
                _ => v.clone(),
            };
            (k.clone(), v)
        })
        .collect();
    Node::new(Value::Map(converted), node.span)
}

fn event_invoke_config(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("function_name", "FunctionName"),
            ("maximum_event_age_in_seconds", "MaximumEventAgeInSeconds"),
            ("maximum_retry_attempts", "MaximumRetryAttempts"),
        ],
    );
    // CloudFormation requires a qualifier; the provider's default is the unpublished version.
    p.set(
        "Qualifier",
        Some(
            s.attr("qualifier")
                .cloned()
                .unwrap_or_else(|| string("$LATEST", s.span())),
        ),
    );
    let destination = |b: &Node, name: &str| {
        first_block(b, name, |d| {
            object(d.span, vec![("Destination", arg(d, "destination"))])
        })
    };
    p.set(
        "DestinationConfig",
        first_block(&s.resource.attributes, "destination_config", |b| {
            object(
                b.span,
                vec![
                    ("OnFailure", destination(b, "on_failure")),
                    ("OnSuccess", destination(b, "on_success")),
                ],
            )
        }),
    );
    p.into_mapped(INVOKE_CONFIG)
}

fn permission(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("action", "Action"),
            ("principal", "Principal"),
            ("source_arn", "SourceArn"),
            ("source_account", "SourceAccount"),
            ("principal_org_id", "PrincipalOrgID"),
            ("event_source_token", "EventSourceToken"),
            ("function_url_auth_type", "FunctionUrlAuthType"),
        ],
    );
    // CloudFormation names a qualified function as `name:qualifier`.
    let name = s.attr("function_name").map(|f| match s.attr("qualifier") {
        None => f.clone(),
        Some(q) => match (&f.value, &q.value) {
            (Value::String(f_s), Value::String(q_s)) => string(&format!("{f_s}:{q_s}"), f.span),
            _ => Node::unknown("qualified function name", f.span),
        },
    });
    p.set("FunctionName", name);
    p.into_mapped(PERMISSION)
}

fn function_url(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("authorization_type", "AuthType"),
            ("function_name", "TargetFunctionArn"),
            ("qualifier", "Qualifier"),
            ("invoke_mode", "InvokeMode"),
        ],
    );
    p.into_mapped(URL)
}
