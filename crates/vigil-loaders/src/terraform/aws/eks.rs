//! EKS: clusters and managed node groups.

use super::{arg, block_list, cfn_tags, copy_block, first_block, items, object, string_bool};
use super::{Join, Mapped, Mapping, Source};
use vigil_model::{Node, Value};

const CLUSTER: &str = "AWS::EKS::Cluster";
const NODEGROUP: &str = "AWS::EKS::Nodegroup";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_eks_cluster",
        kinds: &[CLUSTER],
        map: cluster,
    },
    Mapping {
        tf_type: "aws_eks_node_group",
        kinds: &[NODEGROUP],
        map: node_group,
    },
];

pub static JOINS: &[Join] = &[];

fn cluster(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("role_arn", "RoleArn"),
            ("version", "Version"),
        ],
    );
    p.set(
        "ResourcesVpcConfig",
        first_block(body, "vpc_config", |v| {
            object(
                v.span,
                vec![
                    ("SubnetIds", arg(v, "subnet_ids")),
                    ("SecurityGroupIds", arg(v, "security_group_ids")),
                    (
                        "EndpointPublicAccess",
                        string_bool(arg(v, "endpoint_public_access")),
                    ),
                    (
                        "EndpointPrivateAccess",
                        string_bool(arg(v, "endpoint_private_access")),
                    ),
                    ("PublicAccessCidrs", arg(v, "public_access_cidrs")),
                ],
            )
        }),
    );
    p.set("Logging", logging(s.attr("enabled_cluster_log_types")));
    p.set(
        "EncryptionConfig",
        block_list(body, "encryption_config", |e| {
            vec![object(
                e.span,
                vec![
                    ("Resources", arg(e, "resources")),
                    (
                        "Provider",
                        first_block(e, "provider", |k| copy_block(k, &[("KeyArn", "key_arn")])),
                    ),
                ],
            )]
        }),
    );
    p.set(
        "AccessConfig",
        first_block(body, "access_config", |a| {
            object(
                a.span,
                vec![
                    ("AuthenticationMode", arg(a, "authentication_mode")),
                    (
                        "BootstrapClusterCreatorAdminPermissions",
                        string_bool(arg(a, "bootstrap_cluster_creator_admin_permissions")),
                    ),
                ],
            )
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}

/// `enabled_cluster_log_types = ["api", "audit"]` as
/// `Logging: {ClusterLogging: {EnabledTypes: [{Type: api}, {Type: audit}]}}`, all at the
/// argument, each item at its element.
fn logging(types: Option<&Node>) -> Option<Node> {
    let types = types?;
    let enabled = match &types.value {
        Value::List(_) => Node::new(
            Value::List(
                items(types)
                    .into_iter()
                    .map(|t| object(t.span, vec![("Type", Some(t.clone()))]))
                    .collect(),
            ),
            types.span,
        ),
        _ => types.clone(),
    };
    Some(object(
        types.span,
        vec![(
            "ClusterLogging",
            Some(object(types.span, vec![("EnabledTypes", Some(enabled))])),
        )],
    ))
}

fn node_group(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_name", "ClusterName"),
            ("node_group_name", "NodegroupName"),
            ("node_role_arn", "NodeRole"),
            ("subnet_ids", "Subnets"),
            ("instance_types", "InstanceTypes"),
            ("ami_type", "AmiType"),
            ("capacity_type", "CapacityType"),
            ("disk_size", "DiskSize"),
            ("release_version", "ReleaseVersion"),
            ("version", "Version"),
            ("labels", "Labels"),
            // A map in CloudFormation too.
            ("tags", "Tags"),
        ],
    );
    p.set(
        "ScalingConfig",
        first_block(body, "scaling_config", |c| {
            copy_block(
                c,
                &[
                    ("DesiredSize", "desired_size"),
                    ("MaxSize", "max_size"),
                    ("MinSize", "min_size"),
                ],
            )
        }),
    );
    p.set(
        "RemoteAccess",
        first_block(body, "remote_access", |r| {
            copy_block(
                r,
                &[
                    ("Ec2SshKey", "ec2_ssh_key"),
                    ("SourceSecurityGroups", "source_security_group_ids"),
                ],
            )
        }),
    );
    p.set(
        "LaunchTemplate",
        first_block(body, "launch_template", |t| {
            copy_block(t, &[("Id", "id"), ("Name", "name"), ("Version", "version")])
        }),
    );
    p.into_mapped(NODEGROUP)
}
