//! KMS: keys, external keys and the split-out key policy.

use super::{string, Join, Joiner, Mapped, Mapping, Source};

const KEY: &str = "AWS::KMS::Key";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_kms_key",
        kinds: &[KEY],
        map: key,
    },
    Mapping {
        tf_type: "aws_kms_external_key",
        kinds: &[KEY],
        map: external_key,
    },
];

pub static JOINS: &[Join] = &[Join {
    tf_type: "aws_kms_key_policy",
    subjects: &[KEY],
    join: join_key_policy,
}];

fn key(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("customer_master_key_spec", "KeySpec"),
            ("key_usage", "KeyUsage"),
            ("is_enabled", "Enabled"),
            ("enable_key_rotation", "EnableKeyRotation"),
            ("rotation_period_in_days", "RotationPeriodInDays"),
            ("multi_region", "MultiRegion"),
            ("deletion_window_in_days", "PendingWindowInDays"),
            ("description", "Description"),
        ],
    );
    p.set("KeyPolicy", s.attr("policy").map(|d| s.json(d)));
    // Keys in a custom key store cannot rotate automatically: CloudFormation has no such
    // store, so the origin is written for the rotation rule to tell.
    if let Some(store) = s.attr("custom_key_store_id") {
        p.set("Origin", Some(string("AWS_CLOUDHSM", store.span)));
    }
    if let Some(xks) = s.attr("xks_key_id") {
        p.set("Origin", Some(string("EXTERNAL_KEY_STORE", xks.span)));
    }
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped(KEY)
}

fn external_key(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("enabled", "Enabled"), ("description", "Description")]);
    p.set("KeyPolicy", s.attr("policy").map(|d| s.json(d)));
    p.set("Origin", Some(string("EXTERNAL", s.span())));
    p.into_mapped(KEY)
}

fn join_key_policy(s: &Source, j: &mut Joiner) {
    // Key ids are generated: only a reference names a key of this configuration.
    let Some(i) = j.subject(s.attr("key_id"), KEY, "") else {
        return;
    };
    if let Some(policy) = s.attr("policy") {
        j.set(i, &["KeyPolicy"], s.json(policy));
    }
}
