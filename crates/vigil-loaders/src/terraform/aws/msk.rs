//! MSK: `aws_msk_cluster` (`AWS::MSK::Cluster`) and `aws_msk_serverless_cluster`
//! (`AWS::MSK::ServerlessCluster`). Both take their tags as a map, as CloudFormation does.

use super::{arg, copy_block, first_block, object, Join, Mapped, Mapping, Source};

const CLUSTER: &str = "AWS::MSK::Cluster";
const SERVERLESS: &str = "AWS::MSK::ServerlessCluster";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_msk_cluster",
        kinds: &[CLUSTER],
        map: cluster,
    },
    Mapping {
        tf_type: "aws_msk_serverless_cluster",
        kinds: &[SERVERLESS],
        map: serverless_cluster,
    },
];

pub static JOINS: &[Join] = &[];

fn cluster(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_name", "ClusterName"),
            ("kafka_version", "KafkaVersion"),
            ("number_of_broker_nodes", "NumberOfBrokerNodes"),
            ("enhanced_monitoring", "EnhancedMonitoring"),
            ("tags", "Tags"),
        ],
    );
    p.set(
        "BrokerNodeGroupInfo",
        first_block(body, "broker_node_group_info", |b| {
            let public_access = |c: &vigil_model::Node| {
                first_block(c, "public_access", |a| copy_block(a, &[("Type", "type")]))
            };
            object(
                b.span,
                vec![
                    ("InstanceType", arg(b, "instance_type")),
                    ("ClientSubnets", arg(b, "client_subnets")),
                    ("SecurityGroups", arg(b, "security_groups")),
                    (
                        "ConnectivityInfo",
                        first_block(b, "connectivity_info", |c| {
                            object(c.span, vec![("PublicAccess", public_access(c))])
                        }),
                    ),
                ],
            )
        }),
    );
    p.set(
        "EncryptionInfo",
        first_block(body, "encryption_info", |e| {
            let at_rest = arg(e, "encryption_at_rest_kms_key_arn")
                .map(|k| object(k.span, vec![("DataVolumeKMSKeyId", Some(k.clone()))]));
            let in_transit = first_block(e, "encryption_in_transit", |t| {
                copy_block(
                    t,
                    &[
                        ("ClientBroker", "client_broker"),
                        ("InCluster", "in_cluster"),
                    ],
                )
            });
            object(
                e.span,
                vec![
                    ("EncryptionAtRest", at_rest),
                    ("EncryptionInTransit", in_transit),
                ],
            )
        }),
    );
    p.set(
        "LoggingInfo",
        first_block(body, "logging_info", |l| {
            let broker_logs = first_block(l, "broker_logs", |b| {
                object(
                    b.span,
                    vec![
                        (
                            "CloudWatchLogs",
                            first_block(b, "cloudwatch_logs", |c| {
                                copy_block(c, &[("Enabled", "enabled"), ("LogGroup", "log_group")])
                            }),
                        ),
                        (
                            "S3",
                            first_block(b, "s3", |c| {
                                copy_block(
                                    c,
                                    &[
                                        ("Enabled", "enabled"),
                                        ("Bucket", "bucket"),
                                        ("Prefix", "prefix"),
                                    ],
                                )
                            }),
                        ),
                        (
                            "Firehose",
                            first_block(b, "firehose", |c| {
                                copy_block(
                                    c,
                                    &[
                                        ("Enabled", "enabled"),
                                        ("DeliveryStream", "delivery_stream"),
                                    ],
                                )
                            }),
                        ),
                    ],
                )
            });
            object(l.span, vec![("BrokerLogs", broker_logs)])
        }),
    );
    p.into_mapped(CLUSTER)
}

fn serverless_cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("cluster_name", "ClusterName"), ("tags", "Tags")]);
    p.into_mapped(SERVERLESS)
}
