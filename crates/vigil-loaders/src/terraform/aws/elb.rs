//! Elastic Load Balancing: classic load balancers (with their policies joined back), Application
//! / Network / Gateway Load Balancers and their listeners, and the WAF associations that name
//! them.

use super::{arg, block_list, blocks_of, copy_block, first_block, Blocks};
use super::{
    boolean, cfn_tags, convert_str, object, string, Join, Joiner, Mapped, Mapping, Source,
};
use crate::terraform::eval::{as_number, to_string};
use vigil_model::{Map, Node, Span, Value};

const CLASSIC: &str = "AWS::ElasticLoadBalancing::LoadBalancer";
const V2: &str = "AWS::ElasticLoadBalancingV2::LoadBalancer";
const LISTENER: &str = "AWS::ElasticLoadBalancingV2::Listener";
const WAFV2_ASSOCIATION: &str = "AWS::WAFv2::WebACLAssociation";
const WAF_REGIONAL_ASSOCIATION: &str = "AWS::WAFRegional::WebACLAssociation";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_elb",
        kinds: &[CLASSIC],
        map: classic,
    },
    Mapping {
        tf_type: "aws_lb",
        kinds: &[V2],
        map: load_balancer,
    },
    Mapping {
        tf_type: "aws_alb",
        kinds: &[V2],
        map: load_balancer,
    },
    Mapping {
        tf_type: "aws_lb_listener",
        kinds: &[LISTENER],
        map: listener,
    },
    Mapping {
        tf_type: "aws_alb_listener",
        kinds: &[LISTENER],
        map: listener,
    },
    Mapping {
        tf_type: "aws_wafv2_web_acl_association",
        kinds: &[WAFV2_ASSOCIATION],
        map: wafv2_association,
    },
    Mapping {
        tf_type: "aws_wafregional_web_acl_association",
        kinds: &[WAF_REGIONAL_ASSOCIATION],
        map: waf_regional_association,
    },
];

pub static JOINS: &[Join] = &[
    Join {
        tf_type: "aws_load_balancer_policy",
        subjects: &[CLASSIC],
        join: join_policy,
    },
    Join {
        tf_type: "aws_load_balancer_listener_policy",
        subjects: &[CLASSIC],
        join: join_listener_policy,
    },
    Join {
        tf_type: "aws_lb_ssl_negotiation_policy",
        subjects: &[CLASSIC],
        join: join_ssl_negotiation_policy,
    },
    Join {
        tf_type: "aws_lb_cookie_stickiness_policy",
        subjects: &[CLASSIC],
        join: join_lb_cookie_stickiness,
    },
    Join {
        tf_type: "aws_app_cookie_stickiness_policy",
        subjects: &[CLASSIC],
        join: join_app_cookie_stickiness,
    },
    Join {
        tf_type: "aws_load_balancer_backend_server_policy",
        subjects: &[CLASSIC],
        join: join_backend_server_policy,
    },
    // Not configurations of another resource: they write the provider's default protocol,
    // which depends on the type of the load balancer the listener belongs to.
    Join {
        tf_type: "aws_lb_listener",
        subjects: &[LISTENER],
        join: join_listener_default_protocol,
    },
    Join {
        tf_type: "aws_alb_listener",
        subjects: &[LISTENER],
        join: join_listener_default_protocol,
    },
];

/// `internal` as CloudFormation's `Scheme`.
fn scheme(s: &Source) -> Option<Node> {
    let internal = s.attr("internal")?;
    Some(match internal.value {
        Value::Bool(true) => string("internal", internal.span),
        Value::Bool(false) => string("internet-facing", internal.span),
        _ => internal.clone(),
    })
}

// ---------------------------------------------------------------------------------------------
// Classic load balancers.

fn classic(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "LoadBalancerName"),
            ("availability_zones", "AvailabilityZones"),
            ("subnets", "Subnets"),
            ("security_groups", "SecurityGroups"),
            ("instances", "Instances"),
        ],
    );
    p.set("Scheme", scheme(s));
    p.set(
        "Listeners",
        block_list(body, "listener", |l| {
            vec![copy_block(
                l,
                &[
                    ("LoadBalancerPort", "lb_port"),
                    ("Protocol", "lb_protocol"),
                    ("InstancePort", "instance_port"),
                    ("InstanceProtocol", "instance_protocol"),
                    ("SSLCertificateId", "ssl_certificate_id"),
                ],
            )]
        }),
    );
    p.set(
        "AccessLoggingPolicy",
        first_block(body, "access_logs", |a| {
            // The provider's default is on; CloudFormation requires `Enabled`.
            let enabled = arg(a, "enabled").unwrap_or_else(|| boolean(true, a.span));
            object(
                a.span,
                vec![
                    ("Enabled", Some(enabled)),
                    ("S3BucketName", arg(a, "bucket")),
                    ("S3BucketPrefix", arg(a, "bucket_prefix")),
                    ("EmitInterval", arg(a, "interval")),
                ],
            )
        }),
    );
    // The provider's default is true, CloudFormation's false.
    p.set(
        "CrossZone",
        Some(
            s.attr("cross_zone_load_balancing")
                .cloned()
                .unwrap_or_else(|| boolean(true, s.span())),
        ),
    );
    if let Some(d) = s.attr("connection_draining") {
        p.set(
            "ConnectionDrainingPolicy",
            Some(object(
                d.span,
                vec![
                    ("Enabled", Some(d.clone())),
                    ("Timeout", s.attr("connection_draining_timeout").cloned()),
                ],
            )),
        );
    }
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLASSIC)
}

/// The classic load balancer a joined resource names (`aws_elb.x.name`, `.id` or its name).
fn classic_subject(j: &Joiner, node: Option<&Node>) -> Option<usize> {
    j.subject(node, CLASSIC, "LoadBalancerName")
}

/// The module prefix of an address (`module.web.` for `module.web.aws_elb.this`).
fn module_prefix<'a>(address: &'a str, tf_type: &str) -> &'a str {
    match address.rfind(&format!("{tf_type}.")) {
        Some(i) => &address[..i],
        None => "",
    }
}

/// Whether a listener's `LoadBalancerPort` may be `port` (`None`: not known).
fn same_port(listener: &Map, port: Option<f64>) -> bool {
    match (listener.get("LoadBalancerPort").and_then(as_number), port) {
        (Some(a), Some(b)) => a == b,
        // An unknown port on either side: it may be this listener.
        _ => true,
    }
}

/// Edits the listeners of classic load balancer `i` on `port`; `f` gets the listener's map and
/// whether the match is certain (both ports known).
fn edit_listeners(j: &mut Joiner, i: usize, port: Option<&Node>, f: &dyn Fn(&mut Map, bool)) {
    let port_value = port.and_then(as_number);
    let Value::Map(props) = &mut j.resources[i].properties.value else {
        return;
    };
    let Some(Value::List(listeners)) = props.get_mut("Listeners").map(|n| &mut n.value) else {
        return;
    };
    for l in listeners {
        let Value::Map(m) = &mut l.value else {
            continue;
        };
        if same_port(m, port_value) {
            let certain =
                port_value.is_some() && m.get("LoadBalancerPort").and_then(as_number).is_some();
            f(m, certain);
        }
    }
}

/// Makes `PolicyNames` unknown: a policy may be attached there, but which is not known.
fn policies_unknown(m: &mut Map, span: Option<Span>) {
    m.insert(
        "PolicyNames".into(),
        Node::unknown("listener policies known only after apply", span),
    );
}

/// Appends a policy name to a listener's `PolicyNames`.
fn append_policy_name(m: &mut Map, name: &Node) {
    let entry = m
        .entry("PolicyNames".to_string())
        .or_insert_with(|| Node::new(Value::List(Vec::new()), name.span));
    if let Value::List(l) = &mut entry.value {
        l.push(name.clone());
    }
}

/// A joined resource whose load balancer is not known (a data source): every listener on
/// `port` of the classic load balancers of the same module may get its policies.
fn unknown_subject(s: &Source, j: &mut Joiner, subject: Option<&Node>, port: Option<&Node>) {
    if !subject.is_some_and(Node::is_unknown) {
        return;
    }
    let prefix = module_prefix(&s.resource.address, &s.resource.tf_type).to_string();
    let targets: Vec<usize> = (0..j.resources.len())
        .filter(|&i| {
            let r = &j.resources[i];
            r.kind == CLASSIC && module_prefix(&r.address, "aws_elb") == prefix
        })
        .collect();
    let span = s.span();
    for i in targets {
        edit_listeners(j, i, port, &|m, _| policies_unknown(m, span));
    }
}

/// A `Policies` item.
fn policy(
    span: Option<Span>,
    name: Option<Node>,
    kind: Option<Node>,
    attributes: Option<Node>,
) -> Node {
    object(
        span,
        vec![
            ("PolicyName", name),
            ("PolicyType", kind),
            ("Attributes", attributes),
        ],
    )
}

/// `policy_attribute` / `attribute` blocks as `Attributes: [{Name, Value}]`.
fn policy_attributes(s: &Source, block: &str) -> Option<Node> {
    block_list(&s.resource.attributes, block, |a| {
        vec![copy_block(a, &[("Name", "name"), ("Value", "value")])]
    })
}

fn join_policy(s: &Source, j: &mut Joiner) {
    let Some(i) = classic_subject(j, s.attr("load_balancer_name")) else {
        return;
    };
    let item = policy(
        s.span(),
        s.attr("policy_name").cloned(),
        s.attr("policy_type_name").cloned(),
        policy_attributes(s, "policy_attribute"),
    );
    j.push(i, "Policies", item);
}

fn join_listener_policy(s: &Source, j: &mut Joiner) {
    let subject = s.attr("load_balancer_name");
    let port = s.attr("load_balancer_port");
    let Some(i) = classic_subject(j, subject) else {
        unknown_subject(s, j, subject, port);
        return;
    };
    let names = s
        .attr("policy_names")
        .cloned()
        .unwrap_or_else(|| Node::new(Value::List(Vec::new()), s.span()));
    let span = s.span();
    edit_listeners(j, i, port, &|m, certain| {
        if certain {
            m.insert("PolicyNames".into(), names.clone());
        } else {
            policies_unknown(m, span);
        }
    });
}

/// Attaches policy `name` to the listener on `lb_port` (stickiness and SSL negotiation
/// policies name their listener themselves).
fn attach_to_listener(s: &Source, j: &mut Joiner, i: usize) {
    let Some(name) = s.attr("name").cloned() else {
        return;
    };
    let span = s.span();
    edit_listeners(j, i, s.attr("lb_port"), &|m, certain| {
        if !certain {
            policies_unknown(m, span);
        } else if !m.get("PolicyNames").is_some_and(Node::is_unknown) {
            append_policy_name(m, &name);
        }
    });
}

fn join_ssl_negotiation_policy(s: &Source, j: &mut Joiner) {
    let subject = s.attr("load_balancer");
    let Some(i) = classic_subject(j, subject) else {
        unknown_subject(s, j, subject, s.attr("lb_port"));
        return;
    };
    let item = policy(
        s.span(),
        s.attr("name").cloned(),
        Some(string("SSLNegotiationPolicyType", s.span())),
        policy_attributes(s, "attribute"),
    );
    j.push(i, "Policies", item);
    attach_to_listener(s, j, i);
}

fn join_lb_cookie_stickiness(s: &Source, j: &mut Joiner) {
    let subject = s.attr("load_balancer");
    let Some(i) = classic_subject(j, subject) else {
        unknown_subject(s, j, subject, s.attr("lb_port"));
        return;
    };
    let item = object(
        s.span(),
        vec![
            ("PolicyName", s.attr("name").cloned()),
            (
                "CookieExpirationPeriod",
                s.attr("cookie_expiration_period").cloned(),
            ),
        ],
    );
    j.push(i, "LBCookieStickinessPolicy", item);
    attach_to_listener(s, j, i);
}

fn join_app_cookie_stickiness(s: &Source, j: &mut Joiner) {
    let subject = s.attr("load_balancer");
    let Some(i) = classic_subject(j, subject) else {
        unknown_subject(s, j, subject, s.attr("lb_port"));
        return;
    };
    let item = object(
        s.span(),
        vec![
            ("PolicyName", s.attr("name").cloned()),
            ("CookieName", s.attr("cookie_name").cloned()),
        ],
    );
    j.push(i, "AppCookieStickinessPolicy", item);
    attach_to_listener(s, j, i);
}

/// Back-end policies: the `Policies` items named (by string) get the instance port.
fn join_backend_server_policy(s: &Source, j: &mut Joiner) {
    let Some(i) = classic_subject(j, s.attr("load_balancer_name")) else {
        return;
    };
    let Some(port) = s.attr("instance_port").cloned() else {
        return;
    };
    let names: Vec<String> = s
        .attr("policy_names")
        .map(|n| super::items(n).into_iter().filter_map(to_string).collect())
        .unwrap_or_default();
    let Value::Map(props) = &mut j.resources[i].properties.value else {
        return;
    };
    let Some(Value::List(policies)) = props.get_mut("Policies").map(|n| &mut n.value) else {
        return;
    };
    for p in policies {
        let Value::Map(m) = &mut p.value else {
            continue;
        };
        let named = m
            .get("PolicyName")
            .and_then(Node::as_str)
            .is_some_and(|n| names.iter().any(|x| x == n));
        if named {
            m.insert(
                "InstancePorts".into(),
                Node::new(Value::List(vec![port.clone()]), port.span),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Application, Network and Gateway Load Balancers.

/// A load balancer attribute value as CloudFormation writes it: a string.
fn attribute_value(v: &Node) -> Node {
    match to_string(v) {
        Some(text) => Node::new(Value::String(text), v.span),
        None => v.clone(),
    }
}

/// The arguments that CloudFormation has as `LoadBalancerAttributes`.
fn load_balancer_attributes(s: &Source) -> Option<Node> {
    let mut out = Vec::new();
    let mut push = |key: &str, value: &Node| {
        out.push(object(
            value.span,
            vec![
                ("Key", Some(string(key, value.span))),
                ("Value", Some(attribute_value(value))),
            ],
        ));
    };
    for (block, prefix) in [
        ("access_logs", "access_logs.s3"),
        ("connection_logs", "connection_logs.s3"),
    ] {
        match blocks_of(&s.resource.attributes, block) {
            Blocks::Absent => {}
            Blocks::Unknown(n) => push(&format!("{prefix}.enabled"), n),
            Blocks::Some { blocks, .. } => {
                let b = &blocks[0];
                // Written whenever the block is: the provider's default is off, even with a
                // bucket.
                let enabled = arg(b, "enabled").unwrap_or_else(|| string("false", b.span));
                push(&format!("{prefix}.enabled"), &enabled);
                for (tf, key) in [("bucket", "bucket"), ("prefix", "prefix")] {
                    if let Some(v) = arg(b, tf) {
                        push(&format!("{prefix}.{key}"), &v);
                    }
                }
            }
        }
    }
    for (tf, key) in [
        (
            "drop_invalid_header_fields",
            "routing.http.drop_invalid_header_fields.enabled",
        ),
        ("idle_timeout", "idle_timeout.timeout_seconds"),
        ("enable_deletion_protection", "deletion_protection.enabled"),
        ("enable_http2", "routing.http2.enabled"),
        (
            "desync_mitigation_mode",
            "routing.http.desync_mitigation_mode",
        ),
        ("enable_waf_fail_open", "waf.fail_open.enabled"),
        (
            "enable_cross_zone_load_balancing",
            "load_balancing.cross_zone.enabled",
        ),
        (
            "preserve_host_header",
            "routing.http.preserve_host_header.enabled",
        ),
        (
            "xff_header_processing_mode",
            "routing.http.xff_header_processing.mode",
        ),
        (
            "enable_xff_client_port",
            "routing.http.xff_client_port.enabled",
        ),
        (
            "enable_tls_version_and_cipher_suite_headers",
            "routing.http.x_amzn_tls_version_and_cipher_suite.enabled",
        ),
        ("client_keep_alive", "client_keep_alive.seconds"),
    ] {
        if let Some(v) = s.attr(tf) {
            push(key, v);
        }
    }
    // No Terraform syntax of its own: the list points at the resource.
    (!out.is_empty()).then(|| Node::new(Value::List(out), s.span()))
}

fn load_balancer(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("load_balancer_type", "Type"),
            ("subnets", "Subnets"),
            ("security_groups", "SecurityGroups"),
            ("ip_address_type", "IpAddressType"),
        ],
    );
    p.set("Scheme", scheme(s));
    p.set(
        "SubnetMappings",
        block_list(&s.resource.attributes, "subnet_mapping", |m| {
            vec![copy_block(
                m,
                &[
                    ("SubnetId", "subnet_id"),
                    ("AllocationId", "allocation_id"),
                    ("PrivateIPv4Address", "private_ipv4_address"),
                    ("IPv6Address", "ipv6_address"),
                ],
            )]
        }),
    );
    p.set("LoadBalancerAttributes", load_balancer_attributes(s));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(V2)
}

/// One `default_action` block as a CloudFormation action.
fn action(a: &Node) -> Node {
    object(
        a.span,
        vec![
            (
                "Type",
                arg(a, "type").map(|t| convert_str(&t, |x| Some(x.to_ascii_lowercase()))),
            ),
            ("Order", arg(a, "order")),
            ("TargetGroupArn", arg(a, "target_group_arn")),
            (
                "RedirectConfig",
                first_block(a, "redirect", |r| {
                    copy_block(
                        r,
                        &[
                            ("Protocol", "protocol"),
                            ("Port", "port"),
                            ("Host", "host"),
                            ("Path", "path"),
                            ("Query", "query"),
                            ("StatusCode", "status_code"),
                        ],
                    )
                }),
            ),
            (
                "ForwardConfig",
                first_block(a, "forward", |f| {
                    object(
                        f.span,
                        vec![
                            (
                                "TargetGroups",
                                block_list(f, "target_group", |t| {
                                    vec![copy_block(
                                        t,
                                        &[("TargetGroupArn", "arn"), ("Weight", "weight")],
                                    )]
                                }),
                            ),
                            (
                                "TargetGroupStickinessConfig",
                                first_block(f, "stickiness", |st| {
                                    copy_block(
                                        st,
                                        &[("Enabled", "enabled"), ("DurationSeconds", "duration")],
                                    )
                                }),
                            ),
                        ],
                    )
                }),
            ),
            (
                "FixedResponseConfig",
                first_block(a, "fixed_response", |r| {
                    copy_block(
                        r,
                        &[
                            ("ContentType", "content_type"),
                            ("MessageBody", "message_body"),
                            ("StatusCode", "status_code"),
                        ],
                    )
                }),
            ),
        ],
    )
}

/// `default_action` blocks in source order, or by `order` when every block sets it.
fn default_actions(s: &Source) -> Option<Node> {
    match blocks_of(&s.resource.attributes, "default_action") {
        Blocks::Absent => None,
        Blocks::Unknown(n) => Some(n.clone()),
        Blocks::Some { list, blocks } => {
            let orders: Option<Vec<f64>> = blocks
                .iter()
                .map(|b| match b.get("order").map(|o| &o.value) {
                    Some(Value::Number(n)) => Some(*n),
                    _ => None,
                })
                .collect();
            let mut actions: Vec<(f64, Node)> = blocks
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let key = orders.as_ref().map_or(i as f64, |o| o[i]);
                    (key, action(b))
                })
                .collect();
            actions.sort_by(|a, b| a.0.total_cmp(&b.0));
            Some(Node::new(
                Value::List(actions.into_iter().map(|(_, a)| a).collect()),
                list.span,
            ))
        }
    }
}

fn listener(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("load_balancer_arn", "LoadBalancerArn"),
            ("port", "Port"),
            ("ssl_policy", "SslPolicy"),
        ],
    );
    // The provider accepts any case and stores upper case.
    let protocol = s
        .attr("protocol")
        .map(|n| convert_str(n, |x| Some(x.to_ascii_uppercase())))
        .or_else(|| {
            // Without a protocol the provider sends HTTP to an Application Load Balancer (a
            // reference to one is handled by `join_listener_default_protocol`).
            s.attr("load_balancer_arn")
                .and_then(Node::as_str)
                .filter(|arn| arn.contains(":loadbalancer/app/"))
                .map(|_| string("HTTP", s.span()))
        });
    p.set("Protocol", protocol);
    p.set(
        "Certificates",
        s.attr("certificate_arn").map(|c| {
            Node::new(
                Value::List(vec![object(
                    c.span,
                    vec![("CertificateArn", Some(c.clone()))],
                )]),
                c.span,
            )
        }),
    );
    p.set("DefaultActions", default_actions(s));
    p.into_mapped(LISTENER)
}

/// A listener without `protocol` on a load balancer declared here: HTTP when that load
/// balancer is an Application Load Balancer (its `Type` absent or `application`).
fn join_listener_default_protocol(s: &Source, j: &mut Joiner) {
    if s.attr("protocol").is_some() {
        return;
    }
    let arn = s
        .attr("load_balancer_arn")
        .filter(|n| matches!(n.value, Value::Reference(_)));
    let Some(lb) = j.subject(arn, V2, "") else {
        return;
    };
    let application = match j.resources[lb].properties.get("Type").map(|t| &t.value) {
        None => true,
        Some(Value::String(t)) => t == "application",
        Some(_) => false,
    };
    let Some(&me) = j.by_address.get(&s.resource.address) else {
        return;
    };
    if application && j.resources[me].kind == LISTENER {
        j.set(me, &["Protocol"], string("HTTP", s.span()));
    }
}

// ---------------------------------------------------------------------------------------------
// WAF associations (read by AWS-ELB-008 through `referrers()`).

fn wafv2_association(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("resource_arn", "ResourceArn"),
            ("web_acl_arn", "WebACLArn"),
        ],
    );
    p.into_mapped(WAFV2_ASSOCIATION)
}

fn waf_regional_association(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[("resource_arn", "ResourceArn"), ("web_acl_id", "WebACLId")],
    );
    p.into_mapped(WAF_REGIONAL_ASSOCIATION)
}
