//! DynamoDB: `aws_dynamodb_table`, an `AWS::DynamoDB::Table`, or an `AWS::DynamoDB::GlobalTable`
//! when it has replicas (`replica` blocks, or `aws_dynamodb_table_replica` resources joined by
//! `global_table_arn`).
//!
//! A global table's `Replicas` lists the table's own region first (the table's point-in-time
//! recovery and key), then each `replica` block, then each joined replica resource. Regions come
//! from provider configurations, which the mapping does not see: they are unknown.

use super::{arg, block_list, blocks_of, cfn_tags, copy_block, first_block, object, string};
use super::{Blocks, Join, Joiner, Mapped, Mapping, Source};
use vigil_model::{Map, Node, Span, Value};

const TABLE: &str = "AWS::DynamoDB::Table";
const GLOBAL: &str = "AWS::DynamoDB::GlobalTable";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_dynamodb_table",
    kinds: &[TABLE, GLOBAL],
    map: table,
}];

pub static JOINS: &[Join] = &[Join {
    tf_type: "aws_dynamodb_table_replica",
    subjects: &[TABLE, GLOBAL],
    join: join_replica,
}];

fn table(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(s, &[("name", "TableName"), ("billing_mode", "BillingMode")]);
    let keys: Vec<Node> = [("hash_key", "HASH"), ("range_key", "RANGE")]
        .into_iter()
        .filter_map(|(arg, kind)| {
            let name = s.attr(arg)?;
            Some(object(
                name.span,
                vec![
                    ("AttributeName", Some(name.clone())),
                    ("KeyType", Some(string(kind, name.span))),
                ],
            ))
        })
        .collect();
    if !keys.is_empty() {
        let span = keys[0].span;
        p.set("KeySchema", Some(Node::new(Value::List(keys), span)));
    }
    p.set(
        "AttributeDefinitions",
        block_list(body, "attribute", |a| {
            vec![copy_block(
                a,
                &[("AttributeName", "name"), ("AttributeType", "type")],
            )]
        }),
    );
    let streaming = !matches!(
        s.attr("stream_enabled").map(|n| &n.value),
        None | Some(Value::Bool(false))
    );
    if streaming {
        if let Some(view) = s.attr("stream_view_type") {
            p.set(
                "StreamSpecification",
                Some(object(
                    s.span(),
                    vec![("StreamViewType", Some(view.clone()))],
                )),
            );
        }
    }
    p.set(
        "SSESpecification",
        first_block(body, "server_side_encryption", |e| {
            let enabled = arg(e, "enabled");
            // KMS is the only type; CloudFormation spells it out.
            let sse_type = enabled
                .as_ref()
                .filter(|n| matches!(n.value, Value::Bool(true)))
                .map(|n| string("KMS", n.span));
            object(
                e.span,
                vec![
                    ("SSEEnabled", enabled),
                    ("SSEType", sse_type),
                    ("KMSMasterKeyId", arg(e, "kms_key_arn")),
                ],
            )
        }),
    );
    p.set(
        "PointInTimeRecoverySpecification",
        first_block(body, "point_in_time_recovery", |b| {
            copy_block(
                b,
                &[
                    ("PointInTimeRecoveryEnabled", "enabled"),
                    ("RecoveryPeriodInDays", "recovery_period_in_days"),
                ],
            )
        }),
    );
    p.set("Tags", cfn_tags(s));
    let props = p.build();
    match blocks_of(body, "replica") {
        Blocks::Absent => vec![Mapped {
            kind: TABLE,
            properties: props,
            suffix: String::new(),
        }],
        Blocks::Unknown(n) => {
            let mut global = to_global(props);
            set(&mut global, "Replicas", n.clone());
            vec![Mapped {
                kind: GLOBAL,
                properties: global,
                suffix: String::new(),
            }]
        }
        Blocks::Some { list, blocks } => {
            let mut global = to_global(props);
            if let Some(replicas) = replicas_mut(&mut global) {
                replicas.extend(
                    blocks
                        .iter()
                        .zip(item_spans(list, blocks))
                        .map(|(b, span)| {
                            let region = unknown_region(span, arg(b, "region_name"));
                            replica(span, region, b)
                        }),
                );
            }
            vec![Mapped {
                kind: GLOBAL,
                properties: global,
                suffix: String::new(),
            }]
        }
    }
}

/// The span of each `replica` item. The evaluator gives the blocks made by a `dynamic "replica"`
/// block the line of their `content {`, and the list the `dynamic` line, where findings on the
/// generated replicas point: when the list starts with a `dynamic` block (its span is not the
/// first block's), the blocks it made (those sharing the first block's span) take the list's.
fn item_spans(list: &Node, blocks: &[Node]) -> Vec<Option<Span>> {
    let first = blocks.first().and_then(|b| b.span);
    let from_dynamic = list.span != first;
    let mut leading = true;
    blocks
        .iter()
        .map(|b| {
            leading = leading && b.span == first;
            if from_dynamic && leading {
                list.span
            } else {
                b.span
            }
        })
        .collect()
}

/// The `Replicas` list of a global table's properties (not when it is unknown).
fn replicas_mut(props: &mut Node) -> Option<&mut Vec<Node>> {
    match &mut props.value {
        Value::Map(m) => match m.get_mut("Replicas").map(|n| &mut n.value) {
            Some(Value::List(l)) => Some(l),
            _ => None,
        },
        _ => None,
    }
}

fn set(node: &mut Node, key: &str, value: Node) {
    if let Value::Map(m) = &mut node.value {
        m.insert(key.to_string(), value);
    }
}

/// The region of a replica: `region_name` when written, else unknown (the provider
/// configuration's region, which the mapping does not see).
fn unknown_region(span: Option<Span>, region: Option<Node>) -> Node {
    region.unwrap_or_else(|| Node::unknown("the region of the provider configuration", span))
}

/// A `Replicas` item from a `replica` block or an `aws_dynamodb_table_replica` body.
fn replica(span: Option<Span>, region: Node, body: &Node) -> Node {
    let pitr = arg(body, "point_in_time_recovery").map(|e| {
        object(
            e.span,
            vec![("PointInTimeRecoveryEnabled", Some(e.clone()))],
        )
    });
    let key =
        arg(body, "kms_key_arn").map(|k| object(k.span, vec![("KMSMasterKeyId", Some(k.clone()))]));
    object(
        span,
        vec![
            ("Region", Some(region)),
            ("PointInTimeRecoverySpecification", pitr),
            ("SSESpecification", key),
        ],
    )
}

/// A table's properties as a global table's: the settings CloudFormation keeps per replica
/// (point-in-time recovery, the KMS key, tags) move to the first replica, the table's own region.
fn to_global(props: Node) -> Node {
    let span = props.span;
    let Value::Map(mut m) = props.value else {
        return props;
    };
    let pitr = m.shift_remove("PointInTimeRecoverySpecification");
    let tags = m.shift_remove("Tags");
    let key = match m.get_mut("SSESpecification").map(|n| &mut n.value) {
        Some(Value::Map(sse)) => sse
            .shift_remove("KMSMasterKeyId")
            .map(|k| object(k.span, vec![("KMSMasterKeyId", Some(k.clone()))])),
        _ => None,
    };
    let own = object(
        span,
        vec![
            ("Region", Some(unknown_region(span, None))),
            ("PointInTimeRecoverySpecification", pitr),
            ("SSESpecification", key),
            ("Tags", tags),
        ],
    );
    m.insert("Replicas".into(), Node::new(Value::List(vec![own]), span));
    Node::new(Value::Map(m), span)
}

fn join_replica(s: &Source, j: &mut Joiner) {
    let arn = s.attr("global_table_arn");
    let Some(i) = j
        .subject(arn, TABLE, "TableName")
        .or_else(|| j.subject(arn, GLOBAL, "TableName"))
    else {
        return;
    };
    // A table with a replica resource is a global table.
    let subject = j.resource_mut(i);
    if subject.kind == TABLE {
        subject.kind = GLOBAL.to_string();
        let props = std::mem::replace(
            &mut subject.properties,
            Node::new(Value::Map(Map::default()), None),
        );
        subject.properties = to_global(props);
    }
    let item = replica(
        s.span(),
        unknown_region(s.span(), None),
        &s.resource.attributes,
    );
    if let Some(replicas) = replicas_mut(&mut subject.properties) {
        replicas.push(item);
    }
}
