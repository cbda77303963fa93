//! RDS: `aws_db_instance` and `aws_rds_cluster_instance` (both `AWS::RDS::DBInstance`, the
//! latter always with `DBClusterIdentifier`), and `aws_rds_cluster`.
//!
//! One provider default differs from CloudFormation's and is written: `publicly_accessible` of
//! `aws_db_instance` is sent as `false` when left out.

use super::{arg, blocks_of, boolean, cfn_tags, Blocks, Join, Mapped, Mapping, Props, Source};
use vigil_model::{Node, Value};

const INSTANCE: &str = "AWS::RDS::DBInstance";
const CLUSTER: &str = "AWS::RDS::DBCluster";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_db_instance",
        kinds: &[INSTANCE],
        map: db_instance,
    },
    Mapping {
        tf_type: "aws_rds_cluster_instance",
        kinds: &[INSTANCE],
        map: cluster_instance,
    },
    Mapping {
        tf_type: "aws_rds_cluster",
        kinds: &[CLUSTER],
        map: cluster,
    },
];

pub static JOINS: &[Join] = &[];

/// A number or string argument as the string CloudFormation has (`engine_version = 10.6` →
/// `"10.6"`, `allocated_storage = 20` → `"20"`); other values pass unchanged.
pub(super) fn text(node: Option<&Node>) -> Option<Node> {
    let node = node?;
    Some(match &node.value {
        Value::Number(_) => match super::super::eval::to_string(node) {
            Some(s) => Node::new(Value::String(s), node.span),
            None => node.clone(),
        },
        _ => node.clone(),
    })
}

/// The `restore_to_point_in_time` block's arguments as top-level properties: `(CloudFormation
/// name, argument)`. A `dynamic` block known only after apply makes each of them unknown.
pub(super) fn restore_to_point_in_time(s: &Source, p: &mut Props, pairs: &[(&str, &str)]) {
    match blocks_of(&s.resource.attributes, "restore_to_point_in_time") {
        Blocks::Absent => {}
        Blocks::Unknown(n) => {
            for (to, _) in pairs {
                if p.get(to).is_none() {
                    p.set(to, Some(n.clone()));
                }
            }
        }
        Blocks::Some { blocks, .. } => {
            let b = &blocks[0];
            for (to, from) in pairs {
                if p.get(to).is_none() {
                    p.set(to, arg(b, from));
                }
            }
        }
    }
}

/// A cluster's `restore_to_point_in_time` arguments: the same block in `aws_rds_cluster` and
/// `aws_docdb_cluster`.
pub(super) const CLUSTER_RESTORE: &[(&str, &str)] = &[
    ("SourceDBClusterIdentifier", "source_cluster_identifier"),
    ("RestoreType", "restore_type"),
    ("UseLatestRestorableTime", "use_latest_restorable_time"),
    ("RestoreToTime", "restore_to_time"),
];

fn db_instance(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("identifier", "DBInstanceIdentifier"),
            ("engine", "Engine"),
            ("instance_class", "DBInstanceClass"),
            ("port", "Port"),
            ("backup_retention_period", "BackupRetentionPeriod"),
            ("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
            ("deletion_protection", "DeletionProtection"),
            (
                "iam_database_authentication_enabled",
                "EnableIAMDatabaseAuthentication",
            ),
            ("multi_az", "MultiAZ"),
            ("storage_encrypted", "StorageEncrypted"),
            ("kms_key_id", "KmsKeyId"),
            ("replicate_source_db", "SourceDBInstanceIdentifier"),
            ("snapshot_identifier", "DBSnapshotIdentifier"),
            ("license_model", "LicenseModel"),
            ("db_subnet_group_name", "DBSubnetGroupName"),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    p.set("AllocatedStorage", text(s.attr("allocated_storage")));
    // The provider always sends `PubliclyAccessible` (false when left out); CloudFormation's
    // default depends on the subnet group.
    p.set(
        "PubliclyAccessible",
        Some(
            s.attr("publicly_accessible")
                .cloned()
                .unwrap_or_else(|| boolean(false, s.span())),
        ),
    );
    restore_to_point_in_time(
        s,
        &mut p,
        &[
            (
                "SourceDBInstanceIdentifier",
                "source_db_instance_identifier",
            ),
            ("SourceDbiResourceId", "source_dbi_resource_id"),
            ("RestoreTime", "restore_time"),
            ("UseLatestRestorableTime", "use_latest_restorable_time"),
            (
                "SourceDBInstanceAutomatedBackupsArn",
                "source_db_instance_automated_backups_arn",
            ),
        ],
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(INSTANCE)
}

fn cluster_instance(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("identifier", "DBInstanceIdentifier"),
            ("engine", "Engine"),
            ("instance_class", "DBInstanceClass"),
            ("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
            ("publicly_accessible", "PubliclyAccessible"),
            ("db_subnet_group_name", "DBSubnetGroupName"),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    // Required by the provider: a member always names its cluster, which is what the rules'
    // cluster-member exemptions look for.
    p.set(
        "DBClusterIdentifier",
        Some(
            s.attr("cluster_identifier")
                .cloned()
                .unwrap_or_else(|| Node::unknown("cluster_identifier is not written", s.span())),
        ),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(INSTANCE)
}

fn cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_identifier", "DBClusterIdentifier"),
            ("engine", "Engine"),
            ("engine_mode", "EngineMode"),
            ("port", "Port"),
            ("backup_retention_period", "BackupRetentionPeriod"),
            ("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
            ("deletion_protection", "DeletionProtection"),
            (
                "iam_database_authentication_enabled",
                "EnableIAMDatabaseAuthentication",
            ),
            ("storage_encrypted", "StorageEncrypted"),
            ("kms_key_id", "KmsKeyId"),
            ("snapshot_identifier", "SnapshotIdentifier"),
            (
                "replication_source_identifier",
                "ReplicationSourceIdentifier",
            ),
            ("global_cluster_identifier", "GlobalClusterIdentifier"),
            ("db_cluster_instance_class", "DBClusterInstanceClass"),
            ("db_subnet_group_name", "DBSubnetGroupName"),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    restore_to_point_in_time(s, &mut p, CLUSTER_RESTORE);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}
