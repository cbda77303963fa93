//! WAF: web ACLs of WAFv2, WAF Classic and WAF Classic Regional. (Their associations with
//! load balancers and stages are mapped in `elb.rs`.)
//!
//! A WAFv2 rule is written as nested blocks whose names are the API's in snake case
//! (`managed_rule_group_statement { vendor_name }`); they become CloudFormation's PascalCase
//! keys. A rule added from outside the ACL by `aws_wafv2_web_acl_rule_group_association`
//! (provider v6) is joined into its ACL's `Rules`.

use super::{arg, block_list, blocks_of, cfn_tags, copy_block, first_block, object};
use super::{Blocks, Join, Joiner, Mapped, Mapping, Source};
use vigil_model::{Map, Node, Value};

const WAFV2_ACL: &str = "AWS::WAFv2::WebACL";
const WAF_ACL: &str = "AWS::WAF::WebACL";
const WAF_REGIONAL_ACL: &str = "AWS::WAFRegional::WebACL";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_wafv2_web_acl",
        kinds: &[WAFV2_ACL],
        map: wafv2_web_acl,
    },
    Mapping {
        tf_type: "aws_waf_web_acl",
        kinds: &[WAF_ACL],
        map: waf_web_acl,
    },
    Mapping {
        tf_type: "aws_wafregional_web_acl",
        kinds: &[WAF_REGIONAL_ACL],
        map: wafregional_web_acl,
    },
];

pub static JOINS: &[Join] = &[Join {
    tf_type: "aws_wafv2_web_acl_rule_group_association",
    subjects: &[WAFV2_ACL],
    join: join_rule_group_association,
}];

// ---------------------------------------------------------------------------------------------
// WAFv2.

fn wafv2_web_acl(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("scope", "Scope"),
            ("description", "Description"),
        ],
    );
    p.set(
        "DefaultAction",
        first_block(body, "default_action", blocks_to_pascal),
    );
    let rules = block_list(body, "rule", |r| vec![wafv2_rule(r)]).or_else(|| {
        s.attr("rule_json").map(|j| {
            let doc = s.json(j);
            match doc.value {
                Value::List(_) | Value::Unknown(_) => doc,
                _ => Node::unknown("rule_json is not a list of rules", j.span),
            }
        })
    });
    p.set("Rules", rules);
    p.set(
        "VisibilityConfig",
        first_block(body, "visibility_config", visibility_config),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(WAFV2_ACL)
}

fn wafv2_rule(r: &Node) -> Node {
    object(
        r.span,
        vec![
            ("Name", arg(r, "name")),
            ("Priority", arg(r, "priority")),
            ("Action", first_block(r, "action", blocks_to_pascal)),
            (
                "OverrideAction",
                first_block(r, "override_action", blocks_to_pascal),
            ),
            ("Statement", first_block(r, "statement", blocks_to_pascal)),
            (
                "VisibilityConfig",
                first_block(r, "visibility_config", visibility_config),
            ),
            (
                "RuleLabels",
                block_list(r, "rule_label", |l| {
                    vec![copy_block(l, &[("Name", "name")])]
                }),
            ),
        ],
    )
}

fn visibility_config(v: &Node) -> Node {
    copy_block(
        v,
        &[
            ("CloudWatchMetricsEnabled", "cloudwatch_metrics_enabled"),
            ("MetricName", "metric_name"),
            ("SampledRequestsEnabled", "sampled_requests_enabled"),
        ],
    )
}

/// Nested blocks that repeat, and the plural CloudFormation gives their list. (`statement`
/// repeats only in `and_statement` and `or_statement`; `not_statement` holds one.)
const REPEATED: &[(&str, &str)] = &[
    ("text_transformation", "TextTransformations"),
    ("insert_header", "InsertHeaders"),
    ("response_header", "ResponseHeaders"),
    ("rule_action_override", "RuleActionOverrides"),
    ("excluded_rule", "ExcludedRules"),
    ("managed_rule_group_configs", "ManagedRuleGroupConfigs"),
    ("custom_key", "CustomKeys"),
];

/// A WAFv2 block body with every key in CloudFormation's PascalCase: arguments keep their
/// values, a nested block becomes a map (`allow {}` → `Allow: {}`), a repeated one a list
/// (`and_statement { statement {} statement {} }` → `AndStatement: {Statements: [...]}`).
fn blocks_to_pascal(body: &Node) -> Node {
    pascal_body(body, "")
}

fn pascal_body(body: &Node, name: &str) -> Node {
    let Some(m) = body.as_map() else {
        return body.clone();
    };
    let mut out = Map::default();
    for (k, v) in m {
        match &v.value {
            Value::Null => continue,
            // A `dynamic` block over an empty collection (`dynamic "allow" { for_each = [] }`)
            // generates nothing; no argument of these blocks is an empty list.
            Value::List(l) if l.is_empty() => continue,
            Value::List(l) if l.iter().any(|i| i.as_map().is_some()) => {}
            _ => {
                out.insert(pascal(k), v.clone());
                continue;
            }
        }
        let repeated = match k.as_str() {
            "statement" if matches!(name, "and_statement" | "or_statement") => Some("Statements"),
            _ => REPEATED.iter().find(|(tf, _)| tf == k).map(|(_, cfn)| *cfn),
        };
        match (repeated, blocks_of(body, k)) {
            (_, Blocks::Absent) => {}
            (plural, Blocks::Unknown(n)) => {
                out.insert(plural.map_or_else(|| pascal(k), str::to_string), n.clone());
            }
            (Some(plural), Blocks::Some { list, blocks }) => {
                out.insert(
                    plural.to_string(),
                    Node::new(
                        Value::List(blocks.iter().map(|b| pascal_body(b, k)).collect()),
                        list.span,
                    ),
                );
            }
            (None, Blocks::Some { blocks, .. }) => {
                out.insert(pascal(k), pascal_body(&blocks[0], k));
            }
        }
    }
    Node::new(Value::Map(out), body.span)
}

/// `managed_rule_group_statement` → `ManagedRuleGroupStatement`, with the API's spellings of
/// `IP`, `CloudWatch` and `JA3`/`JA4`.
fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| match w {
            "ip" => "IP".to_string(),
            "cloudwatch" => "CloudWatch".to_string(),
            "ja3" => "JA3".to_string(),
            "ja4" => "JA4".to_string(),
            _ => {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect()
}

/// `aws_wafv2_web_acl_rule_group_association` (provider v6) adds one rule to the ACL its
/// `web_acl_arn` names, referring to a rule group of the account or a managed one.
fn join_rule_group_association(s: &Source, j: &mut Joiner) {
    let Some(i) = j.subject(s.attr("web_acl_arn"), WAFV2_ACL, "") else {
        return;
    };
    let body = &s.resource.attributes;
    let statement = first_block(body, "rule_group_reference", |r| {
        object(
            r.span,
            vec![(
                "RuleGroupReferenceStatement",
                Some(object(r.span, vec![("Arn", arg(r, "arn"))])),
            )],
        )
    })
    .or_else(|| {
        first_block(body, "managed_rule_group", |m| {
            object(
                m.span,
                vec![(
                    "ManagedRuleGroupStatement",
                    Some(copy_block(
                        m,
                        &[
                            ("Name", "name"),
                            ("VendorName", "vendor_name"),
                            ("Version", "version"),
                        ],
                    )),
                )],
            )
        })
    });
    // `override_action` is a string here: `none` (the default) or `count`.
    let override_action = match s.attr("override_action") {
        Some(a) => match a.as_str() {
            Some(kind) => object(
                a.span,
                vec![(
                    if kind.eq_ignore_ascii_case("count") {
                        "Count"
                    } else {
                        "None"
                    },
                    Some(Node::new(Value::Map(Map::default()), a.span)),
                )],
            ),
            None => a.clone(),
        },
        None => object(
            s.span(),
            vec![(
                "None",
                Some(Node::new(Value::Map(Map::default()), s.span())),
            )],
        ),
    };
    let rule = object(
        s.span(),
        vec![
            ("Name", s.attr("rule_name").cloned()),
            ("Priority", s.attr("priority").cloned()),
            ("OverrideAction", Some(override_action)),
            ("Statement", statement),
            (
                "VisibilityConfig",
                first_block(body, "visibility_config", visibility_config),
            ),
        ],
    );
    j.push(i, "Rules", rule);
}

// ---------------------------------------------------------------------------------------------
// WAF Classic and WAF Classic Regional: the rule block is `rules` in one, `rule` in the other.

fn waf_web_acl(s: &Source) -> Vec<Mapped> {
    classic_web_acl(s, "rules", WAF_ACL)
}

fn wafregional_web_acl(s: &Source) -> Vec<Mapped> {
    classic_web_acl(s, "rule", WAF_REGIONAL_ACL)
}

fn classic_web_acl(s: &Source, rule_block: &str, kind: &'static str) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(s, &[("name", "Name"), ("metric_name", "MetricName")]);
    p.set(
        "DefaultAction",
        first_block(body, "default_action", |d| {
            copy_block(d, &[("Type", "type")])
        }),
    );
    p.set(
        "Rules",
        block_list(body, rule_block, |r| {
            vec![object(
                r.span,
                vec![
                    (
                        "Action",
                        first_block(r, "action", |a| copy_block(a, &[("Type", "type")])),
                    ),
                    (
                        "OverrideAction",
                        first_block(r, "override_action", |a| copy_block(a, &[("Type", "type")])),
                    ),
                    ("Priority", arg(r, "priority")),
                    ("RuleId", arg(r, "rule_id")),
                    ("Type", arg(r, "type")),
                ],
            )]
        }),
    );
    p.into_mapped(kind)
}

#[cfg(test)]
mod tests {
    use super::pascal;

    #[test]
    fn snake_case_blocks_become_the_apis_names() {
        assert_eq!(
            pascal("managed_rule_group_statement"),
            "ManagedRuleGroupStatement"
        );
        assert_eq!(
            pascal("ip_set_reference_statement"),
            "IPSetReferenceStatement"
        );
        assert_eq!(
            pascal("cloudwatch_metrics_enabled"),
            "CloudWatchMetricsEnabled"
        );
    }
}
