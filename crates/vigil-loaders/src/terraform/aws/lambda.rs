//! Lambda: functions, their event invoke configs, permissions and function URLs.
//!
//! Also holds small helpers for nested blocks that the application services (API Gateway,
//! CloudFront, SNS, SQS, ACM) share; see the end of this file.

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
        nested(s, "environment", |e| {
            object(
                e.span,
                vec![("Variables", arg(e, "variables").map(string_map))],
            )
        }),
    );
    p.set(
        "DeadLetterConfig",
        nested(s, "dead_letter_config", |d| {
            object(d.span, vec![("TargetArn", arg(d, "target_arn").cloned())])
        }),
    );
    p.set(
        "TracingConfig",
        nested(s, "tracing_config", |t| {
            object(t.span, vec![("Mode", arg(t, "mode").cloned())])
        }),
    );
    p.set(
        "VpcConfig",
        nested(s, "vpc_config", |v| {
            object(
                v.span,
                vec![
                    ("SubnetIds", arg(v, "subnet_ids").cloned()),
                    ("SecurityGroupIds", arg(v, "security_group_ids").cloned()),
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
        nested_in(b, name, |d| {
            object(
                d.span,
                vec![("Destination", arg(d, "destination").cloned())],
            )
        })
    };
    p.set(
        "DestinationConfig",
        nested(s, "destination_config", |b| {
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

// ---------------------------------------------------------------------------------------------
// Helpers for nested blocks, shared by the application services' files. They would fit every
// service (candidates for `aws/mod.rs`).

/// An argument of a nested block (or of any map node), if set and not `null`.
pub(super) fn arg<'a>(block: &'a Node, name: &str) -> Option<&'a Node> {
    block.get(name).filter(|n| !matches!(n.value, Value::Null))
}

/// The first nested block `name` of the resource, converted by `f`. A `dynamic` block whose
/// `for_each` is known only after apply gives an unknown (the loader keeps it as one), so the
/// property is unknown rather than absent.
pub(super) fn nested(s: &Source, name: &str, f: impl Fn(&Node) -> Node) -> Option<Node> {
    nested_in(&s.resource.attributes, name, f)
}

/// [`nested`] for a block inside another block.
pub(super) fn nested_in(parent: &Node, name: &str, f: impl Fn(&Node) -> Node) -> Option<Node> {
    let n = parent.get(name)?;
    if n.is_unknown() {
        return Some(n.clone());
    }
    n.as_list()?.first().map(f)
}

/// Every nested block `name` of `parent`, each converted by `f`, as a list with span `span`
/// (`None` when there are none; an unknown for a `dynamic` block known only after apply).
pub(super) fn nested_list(
    parent: &Node,
    name: &str,
    span: Option<vigil_model::Span>,
    f: impl Fn(&Node) -> Node,
) -> Option<Node> {
    let n = parent.get(name)?;
    if n.is_unknown() {
        return Some(n.clone());
    }
    let items: Vec<Node> = n.as_list()?.iter().map(f).collect();
    if items.is_empty() {
        return None;
    }
    Some(Node::new(Value::List(items), span))
}

/// A policy argument as a document tree whose root points at the argument (a policy document
/// data source's tree otherwise points at the data source).
pub(super) fn policy(s: &Source, node: &Node) -> Node {
    let mut doc = s.json(node);
    doc.span = node.span;
    doc
}
