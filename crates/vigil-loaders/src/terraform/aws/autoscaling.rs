//! Auto Scaling: launch configurations and groups.

use super::ec2::{block_device_mappings, metadata_options};
use super::object;
use super::{block_list, copy_block, first_block};
use super::{Join, Mapped, Mapping, Source};
use vigil_model::Node;

const LAUNCH_CONFIGURATION: &str = "AWS::AutoScaling::LaunchConfiguration";
const GROUP: &str = "AWS::AutoScaling::AutoScalingGroup";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_launch_configuration",
        kinds: &[LAUNCH_CONFIGURATION],
        map: launch_configuration,
    },
    Mapping {
        tf_type: "aws_autoscaling_group",
        kinds: &[GROUP],
        map: autoscaling_group,
    },
];

pub static JOINS: &[Join] = &[];

fn launch_configuration(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    // `name_prefix` gives a generated name: absent.
    p.copy_all(
        s,
        &[
            ("name", "LaunchConfigurationName"),
            ("image_id", "ImageId"),
            ("instance_type", "InstanceType"),
            ("security_groups", "SecurityGroups"),
            ("associate_public_ip_address", "AssociatePublicIpAddress"),
            ("iam_instance_profile", "IamInstanceProfile"),
            ("key_name", "KeyName"),
            ("user_data", "UserData"),
            ("ebs_optimized", "EbsOptimized"),
            ("placement_tenancy", "PlacementTenancy"),
        ],
    );
    p.set("MetadataOptions", metadata_options(&s.resource.attributes));
    p.set("BlockDeviceMappings", block_device_mappings(s, true));
    p.into_mapped(LAUNCH_CONFIGURATION)
}

fn autoscaling_group(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "AutoScalingGroupName"),
            ("launch_configuration", "LaunchConfigurationName"),
            ("min_size", "MinSize"),
            ("max_size", "MaxSize"),
            ("desired_capacity", "DesiredCapacity"),
            ("vpc_zone_identifier", "VPCZoneIdentifier"),
            ("availability_zones", "AvailabilityZones"),
            ("target_group_arns", "TargetGroupARNs"),
            ("load_balancers", "LoadBalancerNames"),
            ("health_check_type", "HealthCheckType"),
        ],
    );
    p.set(
        "LaunchTemplate",
        first_block(body, "launch_template", template_spec),
    );
    p.set(
        "MixedInstancesPolicy",
        first_block(body, "mixed_instances_policy", |m| {
            let template = first_block(m, "launch_template", |t| {
                let spec = first_block(t, "launch_template_specification", |ls| {
                    copy_block(
                        ls,
                        &[
                            ("LaunchTemplateId", "launch_template_id"),
                            ("LaunchTemplateName", "launch_template_name"),
                            ("Version", "version"),
                        ],
                    )
                });
                object(t.span, vec![("LaunchTemplateSpecification", spec)])
            });
            object(m.span, vec![("LaunchTemplate", template)])
        }),
    );
    p.set(
        "Tags",
        block_list(body, "tag", |t| {
            vec![copy_block(
                t,
                &[
                    ("Key", "key"),
                    ("Value", "value"),
                    ("PropagateAtLaunch", "propagate_at_launch"),
                ],
            )]
        }),
    );
    p.into_mapped(GROUP)
}

/// `launch_template { id name version }` as a `LaunchTemplateSpecification`.
fn template_spec(t: &Node) -> Node {
    copy_block(
        t,
        &[
            ("LaunchTemplateId", "id"),
            ("LaunchTemplateName", "name"),
            ("Version", "version"),
        ],
    )
}
