//! DocumentDB: `aws_docdb_cluster` (`AWS::DocDB::DBCluster`) and `aws_docdbelastic_cluster`
//! (`AWS::DocDBElastic::Cluster`, another kind).

use super::rds::{restore_to_point_in_time, text, CLUSTER_RESTORE};
use super::{cfn_tags, Join, Mapped, Mapping, Source};

const CLUSTER: &str = "AWS::DocDB::DBCluster";
const ELASTIC: &str = "AWS::DocDBElastic::Cluster";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_docdb_cluster",
        kinds: &[CLUSTER],
        map: cluster,
    },
    Mapping {
        tf_type: "aws_docdbelastic_cluster",
        kinds: &[ELASTIC],
        map: elastic_cluster,
    },
];

pub static JOINS: &[Join] = &[];

fn cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_identifier", "DBClusterIdentifier"),
            ("master_username", "MasterUsername"),
            ("port", "Port"),
            ("backup_retention_period", "BackupRetentionPeriod"),
            ("deletion_protection", "DeletionProtection"),
            ("storage_encrypted", "StorageEncrypted"),
            ("kms_key_id", "KmsKeyId"),
            ("snapshot_identifier", "SnapshotIdentifier"),
            ("db_subnet_group_name", "DBSubnetGroupName"),
            (
                "enabled_cloudwatch_logs_exports",
                "EnableCloudwatchLogsExports",
            ),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    restore_to_point_in_time(s, &mut p, CLUSTER_RESTORE);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}

fn elastic_cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "ClusterName"),
            ("admin_user_name", "AdminUserName"),
            ("admin_user_password", "AdminUserPassword"),
            ("auth_type", "AuthType"),
            ("shard_capacity", "ShardCapacity"),
            ("shard_count", "ShardCount"),
            ("kms_key_id", "KmsKeyId"),
            ("subnet_ids", "SubnetIds"),
            ("vpc_security_group_ids", "VpcSecurityGroupIds"),
        ],
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(ELASTIC)
}
