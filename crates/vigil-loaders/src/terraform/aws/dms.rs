//! DMS: `aws_dms_replication_instance`.
//!
//! One provider default differs from CloudFormation's and is written: the provider sends
//! `publicly_accessible = false` when it is left out, while CloudFormation defaults to `true`.

use super::{boolean, cfn_tags, Join, Mapped, Mapping, Source};

const INSTANCE: &str = "AWS::DMS::ReplicationInstance";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_dms_replication_instance",
    kinds: &[INSTANCE],
    map: replication_instance,
}];

pub static JOINS: &[Join] = &[];

fn replication_instance(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("replication_instance_id", "ReplicationInstanceIdentifier"),
            ("replication_instance_class", "ReplicationInstanceClass"),
            (
                "replication_subnet_group_id",
                "ReplicationSubnetGroupIdentifier",
            ),
            ("kms_key_arn", "KmsKeyId"),
            ("multi_az", "MultiAZ"),
            ("engine_version", "EngineVersion"),
            ("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
            ("vpc_security_group_ids", "VpcSecurityGroupIds"),
        ],
    );
    p.set(
        "PubliclyAccessible",
        Some(
            s.attr("publicly_accessible")
                .cloned()
                .unwrap_or_else(|| boolean(false, s.span())),
        ),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(INSTANCE)
}
