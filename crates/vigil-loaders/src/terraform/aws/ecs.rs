//! ECS: clusters.
//!
//! `aws_ecs_account_setting_default { name = "containerInsights" }` sets an account default
//! that CloudFormation has no cluster-level equivalent for; it is not mapped.

use super::{block_list, cfn_tags, copy_block, Join, Mapped, Mapping, Source};

const CLUSTER: &str = "AWS::ECS::Cluster";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_ecs_cluster",
    kinds: &[CLUSTER],
    map: cluster,
}];

pub static JOINS: &[Join] = &[];

fn cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "name", "ClusterName");
    p.set(
        "ClusterSettings",
        block_list(&s.resource.attributes, "setting", |b| {
            vec![copy_block(b, &[("Name", "name"), ("Value", "value")])]
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}
