//! Kinesis Data Streams: `aws_kinesis_stream`.
//!
//! `StreamEncryption` is built from two top-level arguments, `encryption_type` and
//! `kms_key_id`: present (at the `resource` line, having no block of its own) when either is
//! written, absent when neither is (the provider default `NONE` is no encryption, as
//! CloudFormation's missing `StreamEncryption`).

use super::{cfn_tags, copy_block, first_block, object, Join, Mapped, Mapping, Source};

const STREAM: &str = "AWS::Kinesis::Stream";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_kinesis_stream",
    kinds: &[STREAM],
    map: stream,
}];

pub static JOINS: &[Join] = &[];

fn stream(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("shard_count", "ShardCount"),
            ("retention_period", "RetentionPeriodHours"),
        ],
    );
    let encryption_type = s.attr("encryption_type").cloned();
    let key = s.attr("kms_key_id").cloned();
    if encryption_type.is_some() || key.is_some() {
        p.set(
            "StreamEncryption",
            Some(object(
                s.span(),
                vec![("EncryptionType", encryption_type), ("KeyId", key)],
            )),
        );
    }
    p.set(
        "StreamModeDetails",
        first_block(&s.resource.attributes, "stream_mode_details", |m| {
            copy_block(m, &[("StreamMode", "stream_mode")])
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(STREAM)
}
