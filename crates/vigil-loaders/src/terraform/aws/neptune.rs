//! Neptune: `aws_neptune_cluster`.
//!
//! Terraform has no point-in-time restore for Neptune; a read-replica cluster
//! (`replication_source_identifier`) takes its data, and its encryption, from its source, as a
//! restore does, so it becomes `SourceDBClusterIdentifier`.

use super::rds::text;
use super::{cfn_tags, Join, Mapped, Mapping, Source};

const CLUSTER: &str = "AWS::Neptune::DBCluster";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_neptune_cluster",
    kinds: &[CLUSTER],
    map: cluster,
}];

pub static JOINS: &[Join] = &[];

fn cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_identifier", "DBClusterIdentifier"),
            ("port", "Port"),
            ("backup_retention_period", "BackupRetentionPeriod"),
            ("deletion_protection", "DeletionProtection"),
            ("iam_database_authentication_enabled", "IamAuthEnabled"),
            ("storage_encrypted", "StorageEncrypted"),
            ("kms_key_arn", "KmsKeyId"),
            ("snapshot_identifier", "SnapshotIdentifier"),
            ("replication_source_identifier", "SourceDBClusterIdentifier"),
            ("neptune_subnet_group_name", "DBSubnetGroupName"),
            (
                "enable_cloudwatch_logs_exports",
                "EnableCloudwatchLogsExports",
            ),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}
