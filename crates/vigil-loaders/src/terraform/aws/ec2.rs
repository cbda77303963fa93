//! EC2: security groups and their rules, network ACLs, VPCs and their flow logs, subnets, EBS
//! volumes, instances and launch templates.

use super::{arg, block_list, blocks_of, copy_block, first_block, reference, string_bool, Blocks};
use super::{
    boolean, cfn_tags, convert_str, items, object, string, Join, Joiner, Mapped, Mapping, Props,
    Source,
};
use vigil_model::{Map, Node, Value};

const GROUP: &str = "AWS::EC2::SecurityGroup";
const INGRESS: &str = "AWS::EC2::SecurityGroupIngress";
const EGRESS: &str = "AWS::EC2::SecurityGroupEgress";
const ACL: &str = "AWS::EC2::NetworkAcl";
const ACL_ENTRY: &str = "AWS::EC2::NetworkAclEntry";
const VPC: &str = "AWS::EC2::VPC";
const FLOW_LOG: &str = "AWS::EC2::FlowLog";
const SUBNET: &str = "AWS::EC2::Subnet";
const VOLUME: &str = "AWS::EC2::Volume";
const INSTANCE: &str = "AWS::EC2::Instance";
const LAUNCH_TEMPLATE: &str = "AWS::EC2::LaunchTemplate";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_security_group",
        kinds: &[GROUP],
        map: security_group,
    },
    Mapping {
        tf_type: "aws_default_security_group",
        kinds: &[GROUP],
        map: default_security_group,
    },
    Mapping {
        tf_type: "aws_security_group_rule",
        kinds: &[INGRESS, EGRESS],
        map: security_group_rule,
    },
    Mapping {
        tf_type: "aws_vpc_security_group_ingress_rule",
        kinds: &[INGRESS],
        map: vpc_ingress_rule,
    },
    Mapping {
        tf_type: "aws_vpc_security_group_egress_rule",
        kinds: &[EGRESS],
        map: vpc_egress_rule,
    },
    Mapping {
        tf_type: "aws_network_acl",
        kinds: &[ACL, ACL_ENTRY],
        map: network_acl,
    },
    Mapping {
        tf_type: "aws_default_network_acl",
        kinds: &[ACL, ACL_ENTRY],
        map: default_network_acl,
    },
    Mapping {
        tf_type: "aws_network_acl_rule",
        kinds: &[ACL_ENTRY],
        map: network_acl_rule,
    },
    Mapping {
        tf_type: "aws_vpc",
        kinds: &[VPC],
        map: vpc,
    },
    Mapping {
        tf_type: "aws_default_vpc",
        kinds: &[VPC],
        map: vpc,
    },
    Mapping {
        tf_type: "aws_flow_log",
        kinds: &[FLOW_LOG],
        map: flow_log,
    },
    Mapping {
        tf_type: "aws_subnet",
        kinds: &[SUBNET],
        map: subnet,
    },
    Mapping {
        tf_type: "aws_default_subnet",
        kinds: &[SUBNET],
        map: default_subnet,
    },
    Mapping {
        tf_type: "aws_ebs_volume",
        kinds: &[VOLUME],
        map: ebs_volume,
    },
    Mapping {
        tf_type: "aws_instance",
        kinds: &[INSTANCE],
        map: instance,
    },
    Mapping {
        tf_type: "aws_launch_template",
        kinds: &[LAUNCH_TEMPLATE],
        map: launch_template,
    },
];

pub static JOINS: &[Join] = &[Join {
    // Not a configuration of another resource: it rewrites the rules that name the adopted
    // default group so that they refer to the VPC's `DefaultSecurityGroup`.
    tf_type: "aws_default_security_group",
    subjects: &[INGRESS, EGRESS],
    join: join_default_security_group,
}];

// ---------------------------------------------------------------------------------------------
// Helpers shared by the network group (ec2, autoscaling, elb).

/// `metadata_options { http_endpoint http_tokens ... }` as CloudFormation `MetadataOptions`.
pub(super) fn metadata_options(body: &Node) -> Option<Node> {
    first_block(body, "metadata_options", |m| {
        copy_block(
            m,
            &[
                ("HttpEndpoint", "http_endpoint"),
                ("HttpTokens", "http_tokens"),
                ("HttpPutResponseHopLimit", "http_put_response_hop_limit"),
                ("HttpProtocolIpv6", "http_protocol_ipv6"),
                ("InstanceMetadataTags", "instance_metadata_tags"),
            ],
        )
    })
}

/// The block device arguments of `aws_instance` and `aws_launch_configuration`
/// (`root_block_device`, `ebs_block_device`, `ephemeral_block_device`) as CloudFormation
/// `BlockDeviceMappings`: root first, then the EBS devices, then the instance store devices.
/// Item and `Ebs` spans are the block's header. `no_device` is `{}` on an instance and `true`
/// on a launch configuration, as CloudFormation has them.
pub(super) fn block_device_mappings(s: &Source, no_device_flag: bool) -> Option<Node> {
    let body = &s.resource.attributes;
    let ebs = |b: &Node, snapshot: bool| {
        let mut pairs = vec![
            ("Encrypted", "encrypted"),
            ("KmsKeyId", "kms_key_id"),
            ("VolumeSize", "volume_size"),
            ("VolumeType", "volume_type"),
            ("Iops", "iops"),
            ("Throughput", "throughput"),
            ("DeleteOnTermination", "delete_on_termination"),
        ];
        if snapshot {
            pairs.push(("SnapshotId", "snapshot_id"));
        }
        copy_block(b, &pairs)
    };
    let no_device = |b: &Node| -> Option<Node> {
        let n = b.get("no_device")?;
        match n.value {
            Value::Bool(true) if no_device_flag => Some(boolean(true, n.span)),
            Value::Bool(true) => Some(Node::new(Value::Map(Map::default()), n.span)),
            _ => None,
        }
    };
    let mut out = Vec::new();
    let mut span = None;
    for (name, kind) in [
        ("root_block_device", 0),
        ("ebs_block_device", 1),
        ("ephemeral_block_device", 2),
    ] {
        match blocks_of(body, name) {
            Blocks::Absent => {}
            Blocks::Unknown(n) => return Some(n.clone()),
            Blocks::Some { list, blocks } => {
                span = span.or(list.span);
                let blocks = if kind == 0 { &blocks[..1] } else { blocks };
                for b in blocks {
                    let item = match (kind, no_device(b)) {
                        (0, _) => object(b.span, vec![("Ebs", Some(ebs(b, false)))]),
                        (_, Some(nd)) => object(
                            b.span,
                            vec![
                                ("DeviceName", arg(b, "device_name")),
                                ("NoDevice", Some(nd)),
                            ],
                        ),
                        (1, None) => object(
                            b.span,
                            vec![
                                ("DeviceName", arg(b, "device_name")),
                                ("Ebs", Some(ebs(b, true))),
                            ],
                        ),
                        _ => object(
                            b.span,
                            vec![
                                ("DeviceName", arg(b, "device_name")),
                                ("VirtualName", arg(b, "virtual_name")),
                            ],
                        ),
                    };
                    out.push(item);
                }
            }
        }
    }
    (!out.is_empty()).then(|| Node::new(Value::List(out), span))
}

/// A boolean argument, when known.
fn bool_of(node: Option<&Node>) -> Option<bool> {
    match node?.value {
        Value::Bool(b) => Some(b),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Security groups.

/// Terraform's protocol names as CloudFormation's `IpProtocol` (`all` is `-1`).
fn protocol(node: &Node) -> Node {
    convert_str(node, |p| {
        let p = p.to_ascii_lowercase();
        Some(if p == "all" { "-1".into() } else { p })
    })
}

/// The peers of one inline rule or `aws_security_group_rule`: one CloudFormation entry per
/// CIDR block, IPv6 block, security group or prefix list, as CloudFormation has one per entry.
/// `(property, value)`; `self_id` is the group itself for `self = true`.
fn peers(rule: &Node, ingress: bool, self_id: Option<Node>) -> Vec<(&'static str, Node)> {
    let (group_key, prefix_key) = if ingress {
        ("SourceSecurityGroupId", "SourcePrefixListId")
    } else {
        ("DestinationSecurityGroupId", "DestinationPrefixListId")
    };
    let mut out = Vec::new();
    for (tf, cfn) in [
        ("cidr_blocks", "CidrIp"),
        ("ipv6_cidr_blocks", "CidrIpv6"),
        ("security_groups", group_key),
        ("source_security_group_id", group_key),
        ("prefix_list_ids", prefix_key),
    ] {
        if let Some(v) = rule.get(tf) {
            if v.is_unknown() {
                out.push((cfn, v.clone()));
                continue;
            }
            for item in items(v) {
                out.push((cfn, item.clone()));
            }
        }
    }
    if bool_of(rule.get("self")) == Some(true) {
        if let Some(id) = self_id {
            out.push((group_key, id));
        }
    }
    out
}

/// The CloudFormation entries for one rule written with Terraform's argument names.
fn rule_entries(rule: &Node, ingress: bool, self_id: Option<Node>) -> Vec<Node> {
    let base = |peer: Option<(&'static str, Node)>| {
        let span = peer.as_ref().and_then(|(_, n)| n.span).or(rule.span);
        let mut e = vec![
            ("IpProtocol", rule.get("protocol").map(protocol)),
            ("FromPort", rule.get("from_port").cloned()),
            ("ToPort", rule.get("to_port").cloned()),
            ("Description", rule.get("description").cloned()),
        ];
        if let Some((k, v)) = peer {
            e.push((k, Some(v)));
        }
        object(span, e)
    };
    let peers = peers(rule, ingress, self_id);
    if peers.is_empty() {
        vec![base(None)]
    } else {
        peers.into_iter().map(|p| base(Some(p))).collect()
    }
}

/// `ingress` / `egress` blocks (or the attribute syntax) as the group's rule lists.
fn group_rules(s: &Source, p: &mut Props) {
    let me = reference(&s.resource.address, "id", s.span());
    for (block, key, ingress) in [
        ("ingress", "SecurityGroupIngress", true),
        ("egress", "SecurityGroupEgress", false),
    ] {
        let list = block_list(&s.resource.attributes, block, |r| {
            rule_entries(r, ingress, Some(me.clone()))
        });
        p.set(key, list);
    }
}

fn security_group(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("name", "GroupName"), ("vpc_id", "VpcId")]);
    // The provider's default description, which CloudFormation requires to be written.
    p.set(
        "GroupDescription",
        Some(
            s.attr("description")
                .cloned()
                .unwrap_or_else(|| string("Managed by Terraform", s.span())),
        ),
    );
    group_rules(s, &mut p);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(GROUP)
}

/// The VPC's default group, adopted: it is named `default`, and the declared blocks become its
/// only rules.
fn default_security_group(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.set("GroupName", Some(string("default", s.span())));
    p.set(
        "GroupDescription",
        Some(string("default VPC security group", s.span())),
    );
    p.copy(s, "vpc_id", "VpcId");
    group_rules(s, &mut p);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(GROUP)
}

/// `aws_default_security_group.x.id` is the `DefaultSecurityGroup` of the VPC `x` adopts: rules
/// naming it get `GetAtt V.DefaultSecurityGroup`, as `aws_vpc.v.default_security_group_id`
/// gives, so that `deref()` finds the VPC.
fn join_default_security_group(s: &Source, j: &mut Joiner) {
    let vpc_ref = s
        .attr("vpc_id")
        .filter(|n| matches!(n.value, Value::Reference(_)));
    let Some(v) = j.subject(vpc_ref, VPC, "") else {
        return;
    };
    let vpc_address = j.resources[v].address.clone();
    let me = s.resource.address.as_str();
    for r in j.resources.iter_mut() {
        if r.kind != INGRESS && r.kind != EGRESS {
            continue;
        }
        let Value::Map(m) = &mut r.properties.value else {
            continue;
        };
        for key in [
            "GroupId",
            "SourceSecurityGroupId",
            "DestinationSecurityGroupId",
        ] {
            if let Some(n) = m.get_mut(key) {
                if matches!(&n.value, Value::Reference(rf) if rf.target == me) {
                    *n = reference(&vpc_address, "default_security_group_id", n.span);
                }
            }
        }
    }
}

fn finish(kind: &'static str, s: &Source, entries: Vec<Node>, group: Option<Node>) -> Vec<Mapped> {
    let many = entries.len() > 1;
    entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let mut m = e.as_map().cloned().unwrap_or_default();
            if let Some(g) = &group {
                m.insert("GroupId".into(), g.clone());
            }
            let mut p = Props::new(s.span());
            for (k, v) in m {
                p.set(&k, Some(v));
            }
            Mapped {
                kind,
                properties: p.build(),
                suffix: if many {
                    format!("#{}", i + 1)
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

fn security_group_rule(s: &Source) -> Vec<Mapped> {
    let ingress = s.attr("type").and_then(Node::as_str) != Some("egress");
    let group = s.attr("security_group_id").cloned();
    let entries = rule_entries(&s.resource.attributes, ingress, group.clone());
    finish(if ingress { INGRESS } else { EGRESS }, s, entries, group)
}

/// `aws_vpc_security_group_{ingress,egress}_rule`: one peer per resource.
fn vpc_rule(s: &Source, ingress: bool) -> Vec<Mapped> {
    let (group_key, prefix_key) = if ingress {
        ("SourceSecurityGroupId", "SourcePrefixListId")
    } else {
        ("DestinationSecurityGroupId", "DestinationPrefixListId")
    };
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("security_group_id", "GroupId"),
            ("from_port", "FromPort"),
            ("to_port", "ToPort"),
            ("cidr_ipv4", "CidrIp"),
            ("cidr_ipv6", "CidrIpv6"),
            ("referenced_security_group_id", group_key),
            ("prefix_list_id", prefix_key),
            ("description", "Description"),
        ],
    );
    p.set("IpProtocol", s.attr("ip_protocol").map(protocol));
    p.into_mapped(if ingress { INGRESS } else { EGRESS })
}

fn vpc_ingress_rule(s: &Source) -> Vec<Mapped> {
    vpc_rule(s, true)
}

fn vpc_egress_rule(s: &Source) -> Vec<Mapped> {
    vpc_rule(s, false)
}

// ---------------------------------------------------------------------------------------------
// Network ACLs.

/// A network ACL protocol as the integer CloudFormation has: a decimal string is that number,
/// a name its IANA number as the provider's (lower-case) table gives it.
fn acl_protocol(node: &Node) -> Node {
    let Value::String(s) = &node.value else {
        return node.clone();
    };
    let n = match s.as_str() {
        "all" => Some(-1.0),
        "icmp" => Some(1.0),
        "igmp" => Some(2.0),
        "tcp" => Some(6.0),
        "udp" => Some(17.0),
        "gre" => Some(47.0),
        "esp" => Some(50.0),
        "ah" => Some(51.0),
        "icmpv6" | "ipv6-icmp" => Some(58.0),
        "sctp" => Some(132.0),
        s => s.trim().parse::<i64>().ok().map(|n| n as f64),
    };
    match n {
        Some(n) => Node::new(Value::Number(n), node.span),
        None => node.clone(),
    }
}

/// The properties of one network ACL entry, from an `aws_network_acl_rule` or an inline block
/// (`action_arg` is `rule_action` or `action`, `number_arg` `rule_number` or `rule_no`).
fn acl_entry(
    b: &Node,
    action_arg: &str,
    number_arg: &str,
    span: Option<vigil_model::Span>,
) -> Props {
    let mut p = Props::new(span);
    p.set("Protocol", arg(b, "protocol").map(|n| acl_protocol(&n)));
    p.set(
        "RuleAction",
        arg(b, action_arg).map(|n| convert_str(&n, |a| Some(a.to_ascii_lowercase()))),
    );
    p.set("RuleNumber", arg(b, number_arg));
    p.set("CidrBlock", arg(b, "cidr_block"));
    p.set("Ipv6CidrBlock", arg(b, "ipv6_cidr_block"));
    let (from, to) = (arg(b, "from_port"), arg(b, "to_port"));
    if from.is_some() || to.is_some() {
        let span = from.as_ref().or(to.as_ref()).and_then(|n| n.span);
        p.set(
            "PortRange",
            Some(object(span, vec![("From", from), ("To", to)])),
        );
    }
    let (icmp_type, icmp_code) = (arg(b, "icmp_type"), arg(b, "icmp_code"));
    if icmp_type.is_some() || icmp_code.is_some() {
        let span = icmp_type
            .as_ref()
            .or(icmp_code.as_ref())
            .and_then(|n| n.span);
        p.set(
            "Icmp",
            Some(object(span, vec![("Type", icmp_type), ("Code", icmp_code)])),
        );
    }
    p
}

/// The inline `ingress` / `egress` blocks of an ACL, each as its own entry record.
fn acl_inline_entries(s: &Source, out: &mut Vec<Mapped>) {
    let acl = reference(&s.resource.address, "id", s.span());
    for (name, egress) in [("ingress", false), ("egress", true)] {
        let Blocks::Some { blocks, .. } = blocks_of(&s.resource.attributes, name) else {
            continue;
        };
        for (i, b) in blocks.iter().enumerate() {
            let mut p = acl_entry(b, "action", "rule_no", b.span);
            if egress {
                p.set("Egress", Some(boolean(true, b.span)));
            }
            p.set("NetworkAclId", Some(Node::new(acl.value.clone(), b.span)));
            let key = match b.get("rule_no").map(|n| &n.value) {
                Some(Value::Number(n)) => format!("{}", *n as i64),
                _ => i.to_string(),
            };
            out.push(Mapped {
                kind: ACL_ENTRY,
                properties: p.build(),
                suffix: format!("#{name}-{key}"),
            });
        }
    }
}

fn network_acl(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "vpc_id", "VpcId");
    p.set("Tags", cfn_tags(s));
    let mut out = p.into_mapped(ACL);
    acl_inline_entries(s, &mut out);
    out
}

/// The VPC's default ACL, adopted: `default_network_acl_id = aws_vpc.v.default_network_acl_id`
/// says which VPC it belongs to.
fn default_network_acl(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    if let Some(id) = s.attr("default_network_acl_id") {
        if let Value::Reference(r) = &id.value {
            if r.attribute.as_deref() == Some("default_network_acl_id") {
                p.set("VpcId", Some(reference(&r.target, "id", id.span)));
            }
        }
    }
    p.set("Tags", cfn_tags(s));
    let mut out = p.into_mapped(ACL);
    acl_inline_entries(s, &mut out);
    out
}

fn network_acl_rule(s: &Source) -> Vec<Mapped> {
    let mut p = acl_entry(
        &s.resource.attributes,
        "rule_action",
        "rule_number",
        s.span(),
    );
    p.copy(s, "network_acl_id", "NetworkAclId");
    p.copy(s, "egress", "Egress");
    p.into_mapped(ACL_ENTRY)
}

// ---------------------------------------------------------------------------------------------
// VPCs, flow logs, subnets.

fn vpc(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cidr_block", "CidrBlock"),
            ("instance_tenancy", "InstanceTenancy"),
            ("enable_dns_support", "EnableDnsSupport"),
            ("enable_dns_hostnames", "EnableDnsHostnames"),
        ],
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(VPC)
}

fn flow_log(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    for (tf, kind) in [
        ("vpc_id", "VPC"),
        ("subnet_id", "Subnet"),
        ("eni_id", "NetworkInterface"),
        ("transit_gateway_id", "TransitGateway"),
        ("transit_gateway_attachment_id", "TransitGatewayAttachment"),
    ] {
        if let Some(id) = s.attr(tf) {
            p.set("ResourceId", Some(id.clone()));
            p.set("ResourceType", Some(string(kind, id.span)));
            break;
        }
    }
    p.copy_all(
        s,
        &[
            ("traffic_type", "TrafficType"),
            ("log_destination_type", "LogDestinationType"),
            ("log_destination", "LogDestination"),
            ("iam_role_arn", "DeliverLogsPermissionArn"),
            ("log_group_name", "LogGroupName"),
            ("log_format", "LogFormat"),
            ("max_aggregation_interval", "MaxAggregationInterval"),
        ],
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(FLOW_LOG)
}

fn subnet_props(s: &Source) -> Props {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("vpc_id", "VpcId"),
            ("cidr_block", "CidrBlock"),
            ("ipv6_cidr_block", "Ipv6CidrBlock"),
            ("availability_zone", "AvailabilityZone"),
            ("map_public_ip_on_launch", "MapPublicIpOnLaunch"),
        ],
    );
    p.set("Tags", cfn_tags(s));
    p
}

fn subnet(s: &Source) -> Vec<Mapped> {
    subnet_props(s).into_mapped(SUBNET)
}

/// A default subnet assigns public addresses unless told otherwise (the provider's default).
fn default_subnet(s: &Source) -> Vec<Mapped> {
    let mut p = subnet_props(s);
    if p.get("MapPublicIpOnLaunch").is_none() {
        p.set("MapPublicIpOnLaunch", Some(boolean(true, s.span())));
    }
    p.into_mapped(SUBNET)
}

// ---------------------------------------------------------------------------------------------
// Volumes, instances, launch templates.

fn ebs_volume(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("encrypted", "Encrypted"),
            ("kms_key_id", "KmsKeyId"),
            ("snapshot_id", "SnapshotId"),
            ("size", "Size"),
            ("type", "VolumeType"),
            ("availability_zone", "AvailabilityZone"),
            ("iops", "Iops"),
            ("throughput", "Throughput"),
            ("multi_attach_enabled", "MultiAttachEnabled"),
        ],
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(VOLUME)
}

fn instance(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("ami", "ImageId"),
            ("instance_type", "InstanceType"),
            ("subnet_id", "SubnetId"),
            ("vpc_security_group_ids", "SecurityGroupIds"),
            ("security_groups", "SecurityGroups"),
            ("iam_instance_profile", "IamInstanceProfile"),
            ("key_name", "KeyName"),
            ("user_data", "UserData"),
            ("monitoring", "Monitoring"),
            ("ebs_optimized", "EbsOptimized"),
        ],
    );
    p.set("MetadataOptions", metadata_options(body));
    p.set(
        "LaunchTemplate",
        first_block(body, "launch_template", |t| {
            copy_block(
                t,
                &[
                    ("LaunchTemplateId", "id"),
                    ("LaunchTemplateName", "name"),
                    ("Version", "version"),
                ],
            )
        }),
    );
    p.set("BlockDeviceMappings", block_device_mappings(s, false));
    // CloudFormation can only say this on the primary interface: one synthesized item.
    let interfaces = match s.attr("associate_public_ip_address") {
        Some(public) => Some(Node::new(
            Value::List(vec![object(
                public.span,
                vec![
                    ("DeviceIndex", Some(string("0", public.span))),
                    ("AssociatePublicIpAddress", Some(public.clone())),
                ],
            )]),
            public.span,
        )),
        None => block_list(body, "network_interface", |n| {
            vec![copy_block(
                n,
                &[
                    ("DeviceIndex", "device_index"),
                    ("NetworkInterfaceId", "network_interface_id"),
                    ("DeleteOnTermination", "delete_on_termination"),
                ],
            )]
        }),
    };
    p.set("NetworkInterfaces", interfaces);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(INSTANCE)
}

fn launch_template(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut data = Props::new(s.span());
    data.copy_all(
        s,
        &[
            ("image_id", "ImageId"),
            ("instance_type", "InstanceType"),
            ("vpc_security_group_ids", "SecurityGroupIds"),
            ("security_group_names", "SecurityGroups"),
            ("key_name", "KeyName"),
            ("user_data", "UserData"),
            ("ebs_optimized", "EbsOptimized"),
        ],
    );
    data.set("MetadataOptions", metadata_options(body));
    data.set(
        "BlockDeviceMappings",
        block_list(body, "block_device_mappings", |b| {
            let ebs = first_block(b, "ebs", |e| {
                object(
                    e.span,
                    vec![
                        ("Encrypted", string_bool(arg(e, "encrypted"))),
                        ("KmsKeyId", arg(e, "kms_key_id")),
                        ("SnapshotId", arg(e, "snapshot_id")),
                        ("VolumeSize", arg(e, "volume_size")),
                        ("VolumeType", arg(e, "volume_type")),
                        ("Iops", arg(e, "iops")),
                        ("Throughput", arg(e, "throughput")),
                        (
                            "DeleteOnTermination",
                            string_bool(arg(e, "delete_on_termination")),
                        ),
                    ],
                )
            });
            vec![object(
                b.span,
                vec![
                    ("DeviceName", arg(b, "device_name")),
                    ("VirtualName", arg(b, "virtual_name")),
                    ("NoDevice", arg(b, "no_device")),
                    ("Ebs", ebs),
                ],
            )]
        }),
    );
    data.set(
        "NetworkInterfaces",
        block_list(body, "network_interfaces", |n| {
            vec![object(
                n.span,
                vec![
                    ("DeviceIndex", arg(n, "device_index")),
                    (
                        "AssociatePublicIpAddress",
                        string_bool(arg(n, "associate_public_ip_address")),
                    ),
                    ("Groups", arg(n, "security_groups")),
                    ("SubnetId", arg(n, "subnet_id")),
                    ("NetworkInterfaceId", arg(n, "network_interface_id")),
                    (
                        "DeleteOnTermination",
                        string_bool(arg(n, "delete_on_termination")),
                    ),
                    ("Description", arg(n, "description")),
                ],
            )]
        }),
    );
    let mut p = s.props();
    p.copy(s, "name", "LaunchTemplateName");
    p.set("LaunchTemplateData", Some(data.build()));
    p.into_mapped(LAUNCH_TEMPLATE)
}
