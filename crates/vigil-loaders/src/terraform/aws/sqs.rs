//! SQS: queues and queue policies. A queue's own `policy` argument becomes a queue policy
//! record of its own, as in CloudFormation.

use super::sns::own_policy;
use super::{cfn_tags, Join, Mapped, Mapping, Source};
use vigil_model::{Node, Value};

const QUEUE: &str = "AWS::SQS::Queue";
const QUEUE_POLICY: &str = "AWS::SQS::QueuePolicy";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_sqs_queue",
        kinds: &[QUEUE, QUEUE_POLICY],
        map: queue,
    },
    Mapping {
        tf_type: "aws_sqs_queue_policy",
        kinds: &[QUEUE_POLICY],
        map: queue_policy,
    },
];

pub static JOINS: &[Join] = &[];

fn queue(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "QueueName"),
            // Only when written: when absent AWS applies SSE-SQS, as CloudFormation does.
            ("sqs_managed_sse_enabled", "SqsManagedSseEnabled"),
            ("kms_master_key_id", "KmsMasterKeyId"),
            (
                "kms_data_key_reuse_period_seconds",
                "KmsDataKeyReusePeriodSeconds",
            ),
            ("fifo_queue", "FifoQueue"),
            ("content_based_deduplication", "ContentBasedDeduplication"),
            ("delay_seconds", "DelaySeconds"),
            ("max_message_size", "MaximumMessageSize"),
            ("message_retention_seconds", "MessageRetentionPeriod"),
            ("receive_wait_time_seconds", "ReceiveMessageWaitTimeSeconds"),
            ("visibility_timeout_seconds", "VisibilityTimeout"),
        ],
    );
    p.set("RedrivePolicy", s.attr("redrive_policy").map(|r| s.json(r)));
    p.set("Tags", cfn_tags(s));
    let mut out = p.into_mapped(QUEUE);
    out.extend(own_policy(s, "Queues", QUEUE_POLICY));
    out
}

fn queue_policy(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.set("PolicyDocument", s.attr("policy").map(|d| s.json(d)));
    p.set(
        "Queues",
        s.attr("queue_url")
            .map(|q| Node::new(Value::List(vec![q.clone()]), q.span)),
    );
    p.into_mapped(QUEUE_POLICY)
}
