//! SNS: topics and topic policies. A topic's own `policy` argument becomes a topic policy
//! record of its own, as CloudFormation has no policy on the topic.

use super::{cfn_tags, Join, Mapped, Mapping, Source};
use vigil_model::{Node, Reference, Value};

const TOPIC: &str = "AWS::SNS::Topic";
const TOPIC_POLICY: &str = "AWS::SNS::TopicPolicy";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_sns_topic",
        kinds: &[TOPIC, TOPIC_POLICY],
        map: topic,
    },
    Mapping {
        tf_type: "aws_sns_topic_policy",
        kinds: &[TOPIC_POLICY],
        map: topic_policy,
    },
];

pub static JOINS: &[Join] = &[];

fn topic(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "TopicName"),
            ("display_name", "DisplayName"),
            ("kms_master_key_id", "KmsMasterKeyId"),
            ("fifo_topic", "FifoTopic"),
            ("content_based_deduplication", "ContentBasedDeduplication"),
        ],
    );
    p.set("Tags", cfn_tags(s));
    let mut out = p.into_mapped(TOPIC);
    out.extend(own_policy(s, "Topics", TOPIC_POLICY));
    out
}

/// The resource's own `policy` argument as a separate policy record at `<address>.policy`,
/// naming the resource in `list` (`Topics`, `Queues`) by a plain reference.
pub(super) fn own_policy(s: &Source, list: &str, kind: &'static str) -> Option<Mapped> {
    let document = s.attr("policy")?;
    let me = Node::new(
        Value::Reference(Reference {
            target: s.resource.address.clone(),
            attribute: None,
        }),
        s.span(),
    );
    let mut p = s.props();
    p.set("PolicyDocument", Some(s.json(document)));
    p.set(list, Some(Node::new(Value::List(vec![me]), s.span())));
    let mut mapped = p.into_mapped(kind);
    let mut m = mapped.pop()?;
    m.suffix = ".policy".into();
    Some(m)
}

fn topic_policy(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.set("PolicyDocument", s.attr("policy").map(|d| s.json(d)));
    p.set(
        "Topics",
        s.attr("arn")
            .map(|a| Node::new(Value::List(vec![a.clone()]), a.span)),
    );
    p.into_mapped(TOPIC_POLICY)
}
