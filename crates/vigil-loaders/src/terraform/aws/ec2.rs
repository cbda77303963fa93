//! EC2 networking: security groups and their rules.

use super::{items, object, string, Join, Mapped, Mapping, Props, Source};
use vigil_model::{Node, Reference, Value};

const GROUP: &str = "AWS::EC2::SecurityGroup";
const INGRESS: &str = "AWS::EC2::SecurityGroupIngress";
const EGRESS: &str = "AWS::EC2::SecurityGroupEgress";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_security_group",
        kinds: &[GROUP],
        map: security_group,
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
];

pub static JOINS: &[Join] = &[];

/// Terraform's protocol names as CloudFormation's `IpProtocol` (`all` is `-1`).
fn protocol(node: &Node) -> Node {
    super::convert_str(node, |p| {
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
    if rule.get("self").and_then(|s| match s.value {
        Value::Bool(b) => Some(b),
        _ => None,
    }) == Some(true)
    {
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
    let me = Node::new(
        Value::Reference(Reference {
            target: s.resource.address.clone(),
            attribute: Some("id".into()),
        }),
        s.span(),
    );
    for (block, key, ingress) in [
        ("ingress", "SecurityGroupIngress", true),
        ("egress", "SecurityGroupEgress", false),
    ] {
        let Some(list) = s.attr(block) else { continue };
        let entries: Vec<Node> = match &list.value {
            Value::List(rules) => rules
                .iter()
                .flat_map(|r| rule_entries(r, ingress, Some(me.clone())))
                .collect(),
            _ => {
                p.set(key, Some(list.clone()));
                continue;
            }
        };
        p.set(key, Some(Node::new(Value::List(entries), list.span)));
    }
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped(GROUP)
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
