//! ElastiCache: `aws_elasticache_replication_group`, `aws_elasticache_cluster` and
//! `aws_elasticache_serverless_cache`.
//!
//! An `aws_elasticache_cluster` with `replication_group_id` is a node added to a replication
//! group: it takes its engine, port and encryption from the group, and CloudFormation has no
//! such resource, so it gives no record (the group's record carries the settings).

use super::rds::text;
use super::{cfn_tags, string_bool, Join, Mapped, Mapping, Source};

const GROUP: &str = "AWS::ElastiCache::ReplicationGroup";
const CLUSTER: &str = "AWS::ElastiCache::CacheCluster";
const SERVERLESS: &str = "AWS::ElastiCache::ServerlessCache";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_elasticache_replication_group",
        kinds: &[GROUP],
        map: replication_group,
    },
    Mapping {
        tf_type: "aws_elasticache_cluster",
        kinds: &[CLUSTER],
        map: cache_cluster,
    },
    Mapping {
        tf_type: "aws_elasticache_serverless_cache",
        kinds: &[SERVERLESS],
        map: serverless_cache,
    },
];

pub static JOINS: &[Join] = &[];

fn replication_group(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("replication_group_id", "ReplicationGroupId"),
            ("description", "ReplicationGroupDescription"),
            ("engine", "Engine"),
            ("port", "Port"),
            ("node_type", "CacheNodeType"),
            ("num_cache_clusters", "NumCacheClusters"),
            ("num_node_groups", "NumNodeGroups"),
            ("replicas_per_node_group", "ReplicasPerNodeGroup"),
            ("subnet_group_name", "CacheSubnetGroupName"),
            ("security_group_ids", "SecurityGroupIds"),
            ("transit_encryption_enabled", "TransitEncryptionEnabled"),
            ("transit_encryption_mode", "TransitEncryptionMode"),
            ("kms_key_id", "KmsKeyId"),
            ("automatic_failover_enabled", "AutomaticFailoverEnabled"),
            ("multi_az_enabled", "MultiAZEnabled"),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    p.set(
        "AtRestEncryptionEnabled",
        string_bool(s.attr("at_rest_encryption_enabled").cloned()),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(GROUP)
}

fn cache_cluster(s: &Source) -> Vec<Mapped> {
    // A member of a replication group (even one named by an unknown value): no record.
    if s.attr("replication_group_id").is_some() {
        return Vec::new();
    }
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_id", "ClusterName"),
            ("engine", "Engine"),
            ("port", "Port"),
            ("node_type", "CacheNodeType"),
            ("num_cache_nodes", "NumCacheNodes"),
            ("az_mode", "AZMode"),
            ("transit_encryption_enabled", "TransitEncryptionEnabled"),
            ("subnet_group_name", "CacheSubnetGroupName"),
            ("security_group_ids", "VpcSecurityGroupIds"),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}

fn serverless_cache(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "ServerlessCacheName"),
            ("engine", "Engine"),
            ("kms_key_id", "KmsKeyId"),
            ("security_group_ids", "SecurityGroupIds"),
            ("subnet_ids", "SubnetIds"),
        ],
    );
    p.set("MajorEngineVersion", text(s.attr("major_engine_version")));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(SERVERLESS)
}
