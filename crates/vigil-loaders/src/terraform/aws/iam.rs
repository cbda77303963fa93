//! IAM: roles, users, groups, policies, their attachments and inline policies, and the
//! `aws_iam_policy_document` data source.
//!
//! A policy can be written as a heredoc, `jsonencode(...)` or a policy document data source;
//! all three become the same `PolicyDocument` tree, the last two keeping each statement's line.

use super::{items, object, string, Join, Joiner, Mapped, Mapping, Source};
use crate::terraform::config::Evaluation;
use vigil_model::{Map, Node, Value};

const ROLE: &str = "AWS::IAM::Role";
const USER: &str = "AWS::IAM::User";
const GROUP: &str = "AWS::IAM::Group";
const MANAGED: &str = "AWS::IAM::ManagedPolicy";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_iam_role",
        kinds: &[ROLE],
        map: role,
    },
    Mapping {
        tf_type: "aws_iam_user",
        kinds: &[USER],
        map: user,
    },
    Mapping {
        tf_type: "aws_iam_group",
        kinds: &[GROUP],
        map: group,
    },
    Mapping {
        tf_type: "aws_iam_policy",
        kinds: &[MANAGED],
        map: managed_policy,
    },
    Mapping {
        tf_type: "aws_iam_role_policy",
        kinds: &["AWS::IAM::RolePolicy"],
        map: role_policy,
    },
    Mapping {
        tf_type: "aws_iam_user_policy",
        kinds: &["AWS::IAM::UserPolicy"],
        map: user_policy,
    },
    Mapping {
        tf_type: "aws_iam_group_policy",
        kinds: &["AWS::IAM::GroupPolicy"],
        map: group_policy,
    },
    Mapping {
        tf_type: "aws_iam_openid_connect_provider",
        kinds: &["AWS::IAM::OIDCProvider"],
        map: oidc_provider,
    },
    Mapping {
        tf_type: "aws_iam_access_key",
        kinds: &["AWS::IAM::AccessKey"],
        map: access_key,
    },
];

pub static JOINS: &[Join] = &[
    Join {
        tf_type: "aws_iam_role_policy_attachment",
        subjects: &[ROLE, MANAGED],
        join: join_role_attachment,
    },
    Join {
        tf_type: "aws_iam_user_policy_attachment",
        subjects: &[USER, MANAGED],
        join: join_user_attachment,
    },
    Join {
        tf_type: "aws_iam_group_policy_attachment",
        subjects: &[GROUP, MANAGED],
        join: join_group_attachment,
    },
    Join {
        tf_type: "aws_iam_policy_attachment",
        subjects: &[ROLE, USER, GROUP, MANAGED],
        join: join_policy_attachment,
    },
    Join {
        tf_type: "aws_iam_user_login_profile",
        subjects: &[USER],
        join: join_login_profile,
    },
    Join {
        tf_type: "aws_iam_user_group_membership",
        subjects: &[USER],
        join: join_group_membership,
    },
];

/// `inline_policy { name policy }` blocks as CloudFormation `Policies`.
fn inline_policies(s: &Source) -> Option<Node> {
    let blocks = s.blocks("inline_policy");
    if blocks.is_empty() {
        return None;
    }
    let list = blocks
        .iter()
        .filter(|b| b.get("policy").is_some())
        .map(|b| {
            object(
                b.span,
                vec![
                    ("PolicyName", b.get("name").cloned()),
                    ("PolicyDocument", b.get("policy").map(|p| s.json(p))),
                ],
            )
        })
        .collect();
    Some(Node::new(Value::List(list), blocks[0].span))
}

fn role(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "RoleName"),
            ("path", "Path"),
            ("managed_policy_arns", "ManagedPolicyArns"),
            ("permissions_boundary", "PermissionsBoundary"),
            ("max_session_duration", "MaxSessionDuration"),
            ("description", "Description"),
        ],
    );
    p.set(
        "AssumeRolePolicyDocument",
        s.attr("assume_role_policy").map(|d| s.json(d)),
    );
    p.set("Policies", inline_policies(s));
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped(ROLE)
}

fn user(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "UserName"),
            ("path", "Path"),
            ("permissions_boundary", "PermissionsBoundary"),
        ],
    );
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped(USER)
}

fn group(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("name", "GroupName"), ("path", "Path")]);
    p.into_mapped(GROUP)
}

fn managed_policy(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "ManagedPolicyName"),
            ("path", "Path"),
            ("description", "Description"),
        ],
    );
    p.set("PolicyDocument", s.attr("policy").map(|d| s.json(d)));
    p.into_mapped(MANAGED)
}

fn inline_policy(s: &Source, owner_tf: &str, owner_cfn: &str, kind: &'static str) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("name", "PolicyName"), (owner_tf, owner_cfn)]);
    p.set("PolicyDocument", s.attr("policy").map(|d| s.json(d)));
    p.into_mapped(kind)
}

fn role_policy(s: &Source) -> Vec<Mapped> {
    // CloudFormation's RolePolicy names its role in `RoleName`.
    inline_policy(s, "role", "RoleName", "AWS::IAM::RolePolicy")
}

fn user_policy(s: &Source) -> Vec<Mapped> {
    inline_policy(s, "user", "UserName", "AWS::IAM::UserPolicy")
}

fn group_policy(s: &Source) -> Vec<Mapped> {
    inline_policy(s, "group", "GroupName", "AWS::IAM::GroupPolicy")
}

fn oidc_provider(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("url", "Url"),
            ("client_id_list", "ClientIdList"),
            ("thumbprint_list", "ThumbprintList"),
        ],
    );
    p.into_mapped("AWS::IAM::OIDCProvider")
}

fn access_key(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("user", "UserName"), ("status", "Status")]);
    p.into_mapped("AWS::IAM::AccessKey")
}

/// Attaches `policy_arn` to a principal, on one side only, so one attachment is one finding:
/// a policy of this configuration lists the principal under `Roles`/`Users`/`Groups`; another
/// policy (an AWS managed one, or one made elsewhere) goes into the principal's
/// `ManagedPolicyArns`. A principal this configuration does not declare gets a record of its
/// own at the attachment, since the attachment still grants the policy.
fn attach(
    s: &Source,
    j: &mut Joiner,
    principal: Option<&Node>,
    kind: &'static str,
    name_property: &str,
    list_property: &str,
) {
    let Some(principal) = principal else { return };
    let arn = s.attr("policy_arn");
    if let Some(pi) = j.subject(arn, MANAGED, "ManagedPolicyName") {
        if principal.is_unknown() {
            // Attached to principals known only after apply: unknown, not a list of one.
            j.set_if_absent(pi, &[list_property], principal.clone());
        } else {
            j.push(pi, list_property, principal.clone());
        }
        return;
    }
    let Some(arn) = arn else { return };
    if principal.is_unknown() {
        return;
    }
    match j.subject(Some(principal), kind, name_property) {
        Some(i) => j.push(i, "ManagedPolicyArns", arn.clone()),
        None if principal.as_str().is_some() => {
            let props = object(
                s.span(),
                vec![
                    (name_property, Some(principal.clone())),
                    (
                        "ManagedPolicyArns",
                        Some(Node::new(Value::List(vec![arn.clone()]), arn.span)),
                    ),
                ],
            );
            j.add(s, kind, props);
        }
        None => {}
    }
}

fn join_role_attachment(s: &Source, j: &mut Joiner) {
    attach(s, j, s.attr("role"), ROLE, "RoleName", "Roles");
}

fn join_user_attachment(s: &Source, j: &mut Joiner) {
    attach(s, j, s.attr("user"), USER, "UserName", "Users");
}

fn join_group_attachment(s: &Source, j: &mut Joiner) {
    attach(s, j, s.attr("group"), GROUP, "GroupName", "Groups");
}

fn join_policy_attachment(s: &Source, j: &mut Joiner) {
    for (tf, kind, name, list) in [
        ("roles", ROLE, "RoleName", "Roles"),
        ("users", USER, "UserName", "Users"),
        ("groups", GROUP, "GroupName", "Groups"),
    ] {
        if let Some(v) = s.attr(tf) {
            for p in items(v) {
                attach(s, j, Some(p), kind, name, list);
            }
        }
    }
}

fn join_login_profile(s: &Source, j: &mut Joiner) {
    let Some(i) = j.subject(s.attr("user"), USER, "UserName") else {
        return;
    };
    // The provider generates the password (it is in the state, not in the code): present but
    // unknown. `password_reset_required` unset is sent as false.
    j.set(
        i,
        &["LoginProfile"],
        object(
            s.span(),
            vec![
                (
                    "Password",
                    Some(Node::unknown("generated by the provider", s.span())),
                ),
                (
                    "PasswordResetRequired",
                    s.attr("password_reset_required").cloned(),
                ),
            ],
        ),
    );
}

fn join_group_membership(s: &Source, j: &mut Joiner) {
    let Some(i) = j.subject(s.attr("user"), USER, "UserName") else {
        return;
    };
    if let Some(groups) = s.attr("groups") {
        for g in items(groups) {
            j.push(i, "Groups", g.clone());
        }
    }
}

/// `data "aws_iam_policy_document"` evaluated: an object whose `json` is the policy. The
/// statement tree is remembered under that text, so the policy keeps its lines when mapped.
pub(crate) fn policy_document_data_source(attrs: &Node, ev: &Evaluation<'_>) -> Node {
    let at = attrs.span;
    let mut statements: Vec<Node> = Vec::new();
    let sources = ev.json_sources.borrow().clone();
    let imported = |key: &str, statements: &mut Vec<Node>, replace: bool| {
        for doc in attrs.get(key).map(items).unwrap_or_default() {
            let tree = super::json_document(doc, &sources);
            for st in tree.get("Statement").map(items).unwrap_or_default() {
                let sid = st.get("Sid").and_then(Node::as_str);
                if replace {
                    if let Some(pos) = statements
                        .iter()
                        .position(|x| sid.is_some() && x.get("Sid").and_then(Node::as_str) == sid)
                    {
                        statements[pos] = st.clone();
                        continue;
                    }
                }
                statements.push(st.clone());
            }
        }
    };
    imported("source_policy_documents", &mut statements, false);
    for st in attrs
        .get("statement")
        .and_then(Node::as_list)
        .unwrap_or(&[])
    {
        let mut m = Map::default();
        let mut put = |k: &str, v: Option<Node>| {
            if let Some(v) = v {
                m.insert(k.to_string(), v);
            }
        };
        put("Sid", st.get("sid").cloned());
        put(
            "Effect",
            Some(
                st.get("effect")
                    .cloned()
                    .unwrap_or_else(|| string("Allow", st.span)),
            ),
        );
        put("Action", st.get("actions").map(single));
        put("NotAction", st.get("not_actions").map(single));
        put("Resource", st.get("resources").map(single));
        put("NotResource", st.get("not_resources").map(single));
        put("Principal", principals(st.get("principals")));
        put("NotPrincipal", principals(st.get("not_principals")));
        put("Condition", conditions(st.get("condition")));
        statements.push(Node::new(Value::Map(m), st.span));
    }
    imported("override_policy_documents", &mut statements, true);
    let doc = object(
        at,
        vec![
            (
                "Version",
                Some(
                    attrs
                        .get("version")
                        .cloned()
                        .unwrap_or_else(|| string("2012-10-17", at)),
                ),
            ),
            ("Id", attrs.get("policy_id").cloned()),
            ("Statement", Some(Node::new(Value::List(statements), at))),
        ],
    );
    let json = ev.json_encode(&doc, at);
    object(
        at,
        vec![("json", Some(json.clone())), ("minified_json", Some(json))],
    )
}

/// A list of one as that one value, as the provider renders policy documents (`"Action":
/// "s3:GetObject"`), so a single principal can be followed to its resource.
fn single(n: &Node) -> Node {
    match &n.value {
        Value::List(l) if l.len() == 1 => {
            let mut v = l[0].clone();
            if v.span.is_none() {
                v.span = n.span;
            }
            v
        }
        _ => n.clone(),
    }
}

/// `principals { type identifiers }` blocks as a `Principal` map; `type = "*"` is `"*"`.
fn principals(blocks: Option<&Node>) -> Option<Node> {
    let blocks = blocks?.as_list()?;
    let mut m = Map::default();
    for b in blocks {
        let Some(t) = b.get("type").and_then(Node::as_str) else {
            return Some(Node::unknown(
                "principal type known only after apply",
                b.span,
            ));
        };
        if t == "*" {
            return Some(string("*", b.span));
        }
        let ids = b
            .get("identifiers")
            .map(single)
            .unwrap_or_else(|| Node::new(Value::List(Vec::new()), b.span));
        match m.get_mut(t) {
            Some(existing) => {
                let mut all: Vec<Node> = items(existing).into_iter().cloned().collect();
                all.extend(items(&ids).into_iter().cloned());
                existing.value = Value::List(all);
            }
            None => {
                m.insert(t.to_string(), ids);
            }
        }
    }
    Some(Node::new(
        Value::Map(m),
        blocks.first().and_then(|b| b.span),
    ))
}

/// `condition { test variable values }` blocks as `{test: {variable: values}}`.
fn conditions(blocks: Option<&Node>) -> Option<Node> {
    let blocks = blocks?.as_list()?;
    let mut m = Map::default();
    for b in blocks {
        let (Some(test), Some(var)) = (
            b.get("test").and_then(Node::as_str),
            b.get("variable").and_then(Node::as_str),
        ) else {
            continue;
        };
        let values = b
            .get("values")
            .cloned()
            .unwrap_or(Node::new(Value::Null, b.span));
        let entry = m
            .entry(test.to_string())
            .or_insert_with(|| Node::new(Value::Map(Map::default()), b.span));
        if let Value::Map(inner) = &mut entry.value {
            inner.insert(var.to_string(), values);
        }
    }
    Some(Node::new(
        Value::Map(m),
        blocks.first().and_then(|b| b.span),
    ))
}
