//! Functions rules may call: CEL's standard string and conversion functions, and Vigil's
//! helpers for networks, IAM policies and related resources. Each is documented in
//! `docs/rules.md`; each returns unknown when what it needs to decide is unknown.

use crate::expr::{equal, or, Scope, Val};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use vigil_model::{pod_spec_path, Node, Value, GITLAB_KEYWORDS};

const GLOBALS: &[&str] = &[
    "size",
    "int",
    "double",
    "string",
    "as_list",
    "is_world",
    "cidr_prefix",
    "cidr_contains",
    "allows_port",
    "all_protocols",
    "port_count",
    "statements",
    "iam_match",
    "allows",
    "is_public_principal",
    "condition_keys",
    "condition_values",
    "deref",
    "referrers",
    "resources",
    "denies_insecure_transport",
    "restricts_caller",
    "is_public_statement",
    "parse_json",
    "flatten",
    "pod_spec",
    "containers",
    "jobs",
    "steps",
    "job_of",
    "steps_after",
    "triggers",
    "key_of",
    "variables",
    "commands",
    "untrusted_expressions",
    "strings",
];

const MEMBERS: &[&str] = &[
    "size",
    "startsWith",
    "endsWith",
    "contains",
    "matches",
    "lowerAscii",
    "upperAscii",
    "trim",
    "split",
    "orValue",
    "hasValue",
    // Macros expand to comprehensions, but the parser keeps these names for bad arities.
    "exists",
    "all",
    "exists_one",
    "map",
    "filter",
];

pub(crate) fn is_global(name: &str) -> bool {
    GLOBALS.contains(&name)
        || name.starts_with('_')
        || name.starts_with('@')
        || name == "!_"
        || name == "-_"
}

pub(crate) fn is_member(name: &str) -> bool {
    MEMBERS.contains(&name)
}

/// Three-valued truth: `None` is unknown.
type Tri = Option<bool>;

fn tri<'a>(t: Tri) -> Val<'a> {
    match t {
        Some(b) => Val::Bool(b),
        None => Val::Unknown,
    }
}

/// A value as an owned or borrowed node, for helpers that walk trees.
pub(crate) fn to_node<'v>(v: &'v Val) -> Option<Cow<'v, Node>> {
    Some(match v {
        Val::Node(n) => Cow::Borrowed(*n),
        Val::Owned(n) => Cow::Borrowed(n.as_ref()),
        Val::Null => Cow::Owned(Node::new(Value::Null, None)),
        Val::Bool(b) => Cow::Owned(Node::new(Value::Bool(*b), None)),
        Val::Int(i) => Cow::Owned(Node::new(Value::Number(*i as f64), None)),
        Val::Double(d) => Cow::Owned(Node::new(Value::Number(*d), None)),
        Val::Str(s) => Cow::Owned(Node::new(Value::String(s.to_string()), None)),
        Val::List(l) => Cow::Owned(Node::new(
            Value::List(
                l.iter()
                    .filter_map(|x| to_node(x).map(Cow::into_owned))
                    .collect(),
            ),
            None,
        )),
        Val::Map(m) => Cow::Owned(Node::new(
            Value::Map(
                m.iter()
                    .filter_map(|(k, x)| to_node(x).map(|n| (k.clone(), n.into_owned())))
                    .collect(),
            ),
            None,
        )),
        Val::Ref(r) => Cow::Owned(Node::new(Value::Reference((*r).clone()), None)),
        Val::Unknown => Cow::Owned(Node::unknown("unknown", None)),
        Val::Resource(_) | Val::Absent => return None,
    })
}

fn node_str(n: &Node) -> Option<&str> {
    n.as_str()
}

fn node_num(n: &Node) -> Option<f64> {
    match &n.value {
        Value::Number(x) => Some(*x),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn undetermined(n: &Node) -> bool {
    matches!(n.value, Value::Unknown(_) | Value::Reference(_))
}

/// Items of a node that may be a single value or a list (IAM's `Action: "s3:*"` or a list).
fn one_or_many(n: &Node) -> Vec<&Node> {
    match &n.value {
        Value::List(l) => l.iter().collect(),
        _ => vec![n],
    }
}

thread_local! {
    static REGEX_CACHE: RefCell<HashMap<String, Option<regex::Regex>>> = RefCell::new(HashMap::new());
}

fn regex_match(pattern: &str, text: &str) -> Option<bool> {
    REGEX_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let re = c
            .entry(pattern.to_string())
            .or_insert_with(|| regex::Regex::new(pattern).ok());
        re.as_ref().map(|re| re.is_match(text))
    })
}

/// IAM wildcard match (`*` any run, `?` one character), case-insensitive as IAM actions are.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_ascii_lowercase().chars().collect();
    let t: Vec<char> = text.to_ascii_lowercase().chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Whether any pattern in `patterns` (a string or list) matches `action`.
fn iam_match(patterns: &Node, action: &str) -> Tri {
    let mut unknown = false;
    for p in one_or_many(patterns) {
        match node_str(p) {
            Some(p) if wildcard_match(p, action) => return Some(true),
            Some(_) => {}
            None => unknown |= undetermined(p),
        }
    }
    if unknown {
        None
    } else {
        Some(false)
    }
}

/// Whether an IAM statement allows `action` (by `Action`, or by a `NotAction` that spares it).
fn allows(stmt: &Node, action: &str) -> Tri {
    let effect = match stmt.get("Effect") {
        Some(e) if undetermined(e) => return None,
        Some(e) => node_str(e).unwrap_or(""),
        None => "",
    };
    if effect != "Allow" {
        return Some(false);
    }
    if let Some(a) = stmt.get("Action") {
        return iam_match(a, action);
    }
    if let Some(na) = stmt.get("NotAction") {
        return iam_match(na, action).map(|m| !m);
    }
    Some(false)
}

/// `*`, `{"AWS": "*"}` or a list holding `*`: anyone, including anonymous callers.
fn is_public_principal(p: &Node) -> Tri {
    match &p.value {
        Value::String(s) => Some(s == "*"),
        Value::Unknown(_) | Value::Reference(_) => None,
        Value::Map(m) => {
            let mut acc = Some(false);
            for (k, v) in m {
                if k == "AWS" || k == "CanonicalUser" {
                    for item in one_or_many(v) {
                        match node_str(item) {
                            Some("*") => return Some(true),
                            Some(_) => {}
                            None if undetermined(item) => acc = None,
                            None => {}
                        }
                    }
                }
            }
            acc
        }
        Value::List(l) => {
            let mut acc = Some(false);
            for item in l {
                match is_public_principal(item) {
                    Some(true) => return Some(true),
                    None => acc = None,
                    _ => {}
                }
            }
            acc
        }
        _ => Some(false),
    }
}

/// Statements of a policy document given as a tree or a JSON string.
fn statements<'a>(doc: &Val<'a>) -> Val<'a> {
    let doc = match doc {
        Val::Str(s) => match parse_json_val(s) {
            Some(v) => v,
            None => return Val::Absent,
        },
        other => other.clone(),
    };
    match doc.field("Statement") {
        Val::Absent => Val::List(Vec::new()),
        Val::Unknown | Val::Ref(_) => Val::Unknown,
        s => match s.items() {
            Some(items) => Val::List(items),
            None => Val::List(vec![s]),
        },
    }
}

fn parse_json_val<'a>(s: &str) -> Option<Val<'a>> {
    let j: serde_json::Value = serde_json::from_str(s).ok()?;
    Some(Val::Owned(Rc::new(json_to_node(&j))))
}

fn json_to_node(j: &serde_json::Value) -> Node {
    use serde_json::Value as J;
    let v = match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        J::String(s) => Value::String(s.clone()),
        J::Array(a) => Value::List(a.iter().map(json_to_node).collect()),
        J::Object(o) => Value::Map(
            o.iter()
                .map(|(k, v)| (k.clone(), json_to_node(v)))
                .collect(),
        ),
    };
    Node::new(v, None)
}

/// Keys named in a statement's `Condition`, across operators, lowercased.
fn condition_entries(stmt: &Node) -> Option<Vec<(String, String, &Node)>> {
    let cond = match stmt.get("Condition") {
        None => return Some(Vec::new()),
        Some(c) if undetermined(c) => return None,
        Some(c) => c,
    };
    let mut out = Vec::new();
    for (op, block) in cond.as_map()? {
        if let Some(m) = block.as_map() {
            for (k, v) in m {
                out.push((op.clone(), k.to_ascii_lowercase(), v));
            }
        }
    }
    Some(out)
}

/// A rule's `IpProtocol`, lower case, numbers as written (`-1`, `6`).
fn protocol_name(p: &Node) -> String {
    node_str(p)
        .map(str::to_string)
        .or_else(|| node_num(p).map(|x| (x as i64).to_string()))
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The ports a security-group or network-ACL rule opens, inclusive: `None` when unknown,
/// `Some(None)` for protocols without ports (ICMP), all traffic as 0..=65535.
fn port_range(rule: &Node) -> Option<Option<(f64, f64)>> {
    const ALL: Option<(f64, f64)> = Some((0.0, 65535.0));
    let proto = match rule.get("IpProtocol") {
        Some(p) if undetermined(p) => return None,
        Some(p) => protocol_name(p),
        None => "-1".into(),
    };
    match proto.as_str() {
        "-1" | "all" => return Some(ALL),
        "tcp" | "udp" | "6" | "17" => {}
        _ => return Some(None),
    }
    let (from, to) = (rule.get("FromPort"), rule.get("ToPort"));
    if from.is_some_and(undetermined) || to.is_some_and(undetermined) {
        return None;
    }
    let from = from.and_then(node_num).unwrap_or(0.0);
    let to = to.and_then(node_num).unwrap_or(65535.0);
    if from == -1.0 || to == -1.0 {
        return Some(ALL);
    }
    Some(Some((from, to)))
}

fn allows_port(rule: &Node, port: f64) -> Tri {
    port_range(rule).map(|r| r.is_some_and(|(from, to)| from <= port && port <= to))
}

fn port_count(rule: &Node) -> Option<f64> {
    port_range(rule).map(|r| r.map_or(0.0, |(from, to)| (to - from + 1.0).max(0.0)))
}

/// Condition keys that pin who may call: a statement testing one of them (positively) is not
/// open to the world even with a `*` principal.
const CALLER_KEYS: &[&str] = &[
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:userid",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:principalservicename",
    "s3:dataaccesspointarn",
    "s3:dataaccesspointaccount",
    "kms:calleraccount",
];

/// Whether a statement's conditions restrict the caller to known accounts, networks or
/// endpoints. Negated operators (`StringNotEquals`...), `...IfExists` and `Null` restrict
/// nothing; `aws:SourceIp` restricts only when no value is the whole internet.
fn restricts_caller(stmt: &Node) -> Tri {
    let cond = match stmt.get("Condition") {
        None => return Some(false),
        Some(c) if undetermined(c) => return None,
        Some(c) => c,
    };
    let Some(ops) = cond.as_map() else {
        return Some(false);
    };
    let mut acc = Some(false);
    for (op, block) in ops {
        if op.contains("Not") || op.ends_with("IfExists") || op == "Null" {
            continue;
        }
        let Some(keys) = block.as_map() else {
            if undetermined(block) {
                acc = None;
            }
            continue;
        };
        for (key, values) in keys {
            let key = key.to_ascii_lowercase();
            if !CALLER_KEYS.contains(&key.as_str()) {
                continue;
            }
            if undetermined(values) {
                acc = None;
                continue;
            }
            if key == "aws:sourceip" {
                let mut open = false;
                for v in one_or_many(values) {
                    match node_str(v).and_then(|s| s.trim().parse::<ipnet::IpNet>().ok()) {
                        Some(net) if net.prefix_len() == 0 => open = true,
                        Some(_) => {}
                        None if undetermined(v) => acc = None,
                        None => {}
                    }
                }
                if open {
                    continue;
                }
            }
            return Some(true);
        }
    }
    acc
}

/// An `Allow` to everyone that no condition narrows to known callers.
fn is_public_statement(stmt: &Node) -> Tri {
    let effect = match stmt.get("Effect") {
        Some(e) if undetermined(e) => return None,
        Some(e) => node_str(e),
        None => None,
    };
    if effect != Some("Allow") {
        return Some(false);
    }
    let public = match stmt.get("Principal") {
        Some(p) => is_public_principal(p),
        None => Some(false),
    };
    match (public, restricts_caller(stmt)) {
        (Some(false), _) | (_, Some(true)) => Some(false),
        (Some(true), Some(false)) => Some(true),
        _ => None,
    }
}

fn denies_insecure_transport(doc: &Val) -> Tri {
    let stmts = statements(doc);
    if stmts.undetermined() {
        return None;
    }
    let Some(items) = stmts.items() else {
        return Some(false);
    };
    let mut acc = Some(false);
    for s in &items {
        let Some(node) = to_node(s) else { continue };
        let effect = node.get("Effect").and_then(node_str);
        if node.get("Effect").is_some_and(undetermined) {
            acc = None;
            continue;
        }
        if effect != Some("Deny") {
            continue;
        }
        let Some(entries) = condition_entries(&node) else {
            acc = None;
            continue;
        };
        for (op, key, v) in entries {
            if key == "aws:securetransport" && op.eq_ignore_ascii_case("Bool") {
                for item in one_or_many(v) {
                    let b = match &item.value {
                        Value::Bool(b) => Some(*b),
                        Value::String(s) => Some(s.eq_ignore_ascii_case("true")),
                        _ => None,
                    };
                    if b == Some(false) {
                        return Some(true);
                    }
                }
            }
        }
    }
    acc
}

fn cidr_of(v: &Val) -> Option<ipnet::IpNet> {
    let s = v.as_str()?.trim();
    s.parse::<ipnet::IpNet>()
        .ok()
        .or_else(|| s.parse::<std::net::IpAddr>().ok().map(ipnet::IpNet::from))
}

/// Resources of `kind` in the same stack whose property at `path` points at the current one.
fn referrers<'a>(scope: &Scope<'a, '_>, kind: &str, path: &str) -> Val<'a> {
    let me = scope.resource;
    let my_names: Vec<&str> = ["BucketName", "QueueName", "TopicName", "GroupName", "KeyId"]
        .iter()
        .filter_map(|k| me.properties.get(k).and_then(node_str))
        .collect();
    let mut out = Vec::new();
    let mut unknown = false;
    for &r in scope.stack.of_kind(kind) {
        let mut node = Some(&r.properties);
        for seg in path.split('.') {
            node = node.and_then(|n| n.get(seg));
        }
        let Some(node) = node else { continue };
        let mut hit = false;
        for target in one_or_many(node) {
            match &target.value {
                Value::Reference(rf) if rf.target == me.address => hit = true,
                Value::String(s) if my_names.contains(&s.as_str()) => hit = true,
                Value::String(s) if s.ends_with(&format!(":{}", me.address)) => {}
                Value::Unknown(_) => unknown = true,
                _ => {}
            }
        }
        if hit {
            out.push(Val::Resource(r));
        }
    }
    if out.is_empty() && unknown {
        Val::Unknown
    } else {
        Val::List(out)
    }
}

fn str_fn<'a>(v: &[Val<'a>], f: impl Fn(&str, &str) -> bool) -> Val<'a> {
    match (&v[0], &v[1]) {
        (Val::Str(a), Val::Str(b)) => Val::Bool(f(a, b)),
        (a, b) if a.undetermined() || b.undetermined() => Val::Unknown,
        _ => Val::Absent,
    }
}

pub(crate) fn call<'a>(scope: &Scope<'a, '_>, func: &str, mut v: Vec<Val<'a>>) -> Val<'a> {
    if v.is_empty() {
        return Val::Absent;
    }
    // Helpers that list scalars (`commands`, `strings`, `variables`) give them as nodes, so a
    // finding on one points at its line; functions read them as plain values, except `key_of`,
    // which needs to know where the value sits.
    for x in v.iter_mut().filter(|_| func != "key_of") {
        if let Val::Node(n) = x {
            if !matches!(n.value, Value::List(_) | Value::Map(_)) {
                *x = Val::from_node(n);
            }
        }
    }
    let first_undetermined = v[0].undetermined();
    match func {
        "size" => match &v[0] {
            Val::Str(s) => Val::Int(s.chars().count() as i64),
            Val::Map(m) => Val::Int(m.len() as i64),
            Val::Node(n) if n.as_map().is_some() => Val::Int(n.as_map().unwrap().len() as i64),
            x if x.undetermined() => Val::Unknown,
            x => match x.items() {
                Some(i) => Val::Int(i.len() as i64),
                None => Val::Absent,
            },
        },
        "int" | "double" => match v[0].as_f64() {
            Some(x) if func == "int" => Val::Int(x as i64),
            Some(x) => Val::Double(x),
            None if first_undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "string" => match &v[0] {
            Val::Str(_) => v.swap_remove(0),
            Val::Int(i) => Val::Str(Cow::Owned(i.to_string())),
            Val::Double(d) => Val::Str(Cow::Owned(d.to_string())),
            Val::Bool(b) => Val::Str(Cow::Owned(b.to_string())),
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "as_list" => match &v[0] {
            Val::Absent | Val::Null => Val::List(Vec::new()),
            Val::Unknown => Val::Unknown,
            x => match x.items() {
                Some(items) => Val::List(items),
                None => Val::List(vec![v.swap_remove(0)]),
            },
        },
        // One level of nesting removed: items that are lists are spliced in, others kept.
        "flatten" => match v[0].items() {
            Some(items) => {
                let mut out = Vec::new();
                for i in items {
                    match i.items() {
                        Some(inner) => out.extend(inner),
                        None => out.push(i),
                    }
                }
                Val::List(out)
            }
            None if first_undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "pod_spec" => match &v[0] {
            Val::Node(n) => pod_spec(n).map_or(Val::Absent, Val::Node),
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        // Every container of the pod: init and ephemeral ones run with the pod's rights too.
        "containers" => match &v[0] {
            Val::Node(n) => match pod_spec(n) {
                Some(spec) => Val::List(
                    ["initContainers", "containers", "ephemeralContainers"]
                        .iter()
                        .filter_map(|k| spec.as_map()?.get(*k))
                        .flat_map(|list| match &list.value {
                            Value::List(items) => items.iter().map(Val::Node).collect(),
                            _ => Vec::new(),
                        })
                        .collect(),
                ),
                None => Val::List(Vec::new()),
            },
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "jobs" | "steps" | "variables" | "commands" => match &v[0] {
            Val::Node(n) => {
                let p = Pipeline::of(scope);
                Val::List(
                    match func {
                        "jobs" => p.jobs(n),
                        "steps" => p.steps(n),
                        "variables" => p.variables(n),
                        _ => p.commands(n),
                    }
                    .into_iter()
                    .map(Val::Node)
                    .collect(),
                )
            }
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        // Every string inside a value, each pointing at its own line; bounded for huge trees.
        "strings" => match &v[0] {
            Val::Node(n) => {
                let mut out = Vec::new();
                let mut stack = vec![*n];
                while let Some(x) = stack.pop() {
                    match &x.value {
                        Value::String(_) => out.push(Val::Node(x)),
                        Value::List(l) => stack.extend(l.iter().rev()),
                        Value::Map(m) => stack.extend(m.values().rev()),
                        _ => {}
                    }
                    if out.len() >= 100_000 {
                        break;
                    }
                }
                Val::List(out)
            }
            Val::Str(_) => Val::List(vec![v.swap_remove(0)]),
            x if x.undetermined() => Val::Unknown,
            _ => Val::List(Vec::new()),
        },
        "job_of" | "steps_after" | "key_of" => match &v[0] {
            Val::Node(n) => {
                let p = Pipeline::of(scope);
                match func {
                    "job_of" => p
                        .step_owner(n)
                        .map_or(Val::Absent, |(job, _)| Val::Node(job)),
                    "steps_after" => match p.step_owner(n) {
                        Some((_, (list, i))) => {
                            Val::List(list[i + 1..].iter().map(Val::Node).collect())
                        }
                        None => Val::Absent,
                    },
                    _ => key_of(&scope.resource.properties, n)
                        .map_or(Val::Absent, |k| Val::Str(Cow::Borrowed(k))),
                }
            }
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "triggers" => match &v[0] {
            Val::Node(n) => match n.get("on") {
                Some(on) => Val::List(match &on.value {
                    Value::String(s) => vec![Val::Str(Cow::Borrowed(s.as_str()))],
                    Value::List(l) => l
                        .iter()
                        .filter_map(|e| e.as_str().map(|s| Val::Str(Cow::Borrowed(s))))
                        .collect(),
                    Value::Map(m) => m
                        .keys()
                        .map(|k| Val::Str(Cow::Borrowed(k.as_str())))
                        .collect(),
                    _ => Vec::new(),
                }),
                None => Val::List(Vec::new()),
            },
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "untrusted_expressions" => match &v[0] {
            Val::Str(s) => Val::List(
                untrusted_expressions(s)
                    .into_iter()
                    .map(|e| Val::Str(Cow::Owned(e)))
                    .collect(),
            ),
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "parse_json" => match &v[0] {
            Val::Str(s) => parse_json_val(s).unwrap_or(Val::Absent),
            x if x.undetermined() => Val::Unknown,
            _ => v.swap_remove(0),
        },
        "is_world" => match cidr_of(&v[0]) {
            Some(net) => Val::Bool(net.prefix_len() == 0),
            None if first_undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "cidr_prefix" => match cidr_of(&v[0]) {
            Some(net) => Val::Int(net.prefix_len() as i64),
            None if first_undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "cidr_contains" => match (cidr_of(&v[0]), v.get(1).and_then(cidr_of)) {
            (Some(net), Some(other)) => Val::Bool(net.contains(&other)),
            _ if v.iter().any(Val::undetermined) => Val::Unknown,
            _ => Val::Absent,
        },
        "allows_port" => match (to_node(&v[0]), v.get(1).and_then(Val::as_f64)) {
            (Some(rule), Some(port)) => tri(allows_port(&rule, port)),
            _ if v.iter().any(Val::undetermined) => Val::Unknown,
            _ => Val::Absent,
        },
        "all_protocols" => match to_node(&v[0]) {
            Some(rule) => match rule.get("IpProtocol") {
                Some(p) if undetermined(p) => Val::Unknown,
                Some(p) => Val::Bool(matches!(protocol_name(p).as_str(), "-1" | "all")),
                None => Val::Bool(false),
            },
            None => Val::Absent,
        },
        "port_count" => match to_node(&v[0]) {
            Some(rule) => match port_count(&rule) {
                Some(n) => Val::Int(n as i64),
                None => Val::Unknown,
            },
            None if first_undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "statements" => statements(&v[0]),
        "iam_match" => match (to_node(&v[0]), v.get(1).and_then(Val::as_str)) {
            (Some(p), Some(a)) => tri(iam_match(&p, a)),
            _ if v.iter().any(Val::undetermined) => Val::Unknown,
            _ => Val::Absent,
        },
        "allows" => match (to_node(&v[0]), v.get(1).and_then(Val::as_str)) {
            (Some(s), Some(a)) => tri(allows(&s, a)),
            _ if v.iter().any(Val::undetermined) => Val::Unknown,
            _ => Val::Absent,
        },
        "is_public_principal" => match &v[0] {
            Val::Absent => Val::Bool(false),
            x => match to_node(x) {
                Some(p) => tri(is_public_principal(&p)),
                None => Val::Absent,
            },
        },
        "condition_keys" => match to_node(&v[0]) {
            Some(stmt) => match condition_entries(&stmt) {
                Some(e) => Val::List(
                    e.into_iter()
                        .map(|(_, k, _)| Val::Str(Cow::Owned(k)))
                        .collect(),
                ),
                None => Val::Unknown,
            },
            None => Val::Absent,
        },
        "condition_values" => match (to_node(&v[0]), v.get(1).and_then(Val::as_str)) {
            (Some(stmt), Some(key)) => match condition_entries(&stmt) {
                Some(e) => {
                    let key = key.to_ascii_lowercase();
                    let mut out = Vec::new();
                    for (_, k, val) in e {
                        if k == key {
                            for item in one_or_many(val) {
                                match &item.value {
                                    Value::String(s) => out.push(Val::Str(Cow::Owned(s.clone()))),
                                    Value::Unknown(_) | Value::Reference(_) => {
                                        out.push(Val::Unknown)
                                    }
                                    Value::Bool(b) => out.push(Val::Bool(*b)),
                                    Value::Number(n) => out.push(Val::Double(*n)),
                                    _ => {}
                                }
                            }
                        }
                    }
                    Val::List(out)
                }
                None => Val::Unknown,
            },
            _ => Val::Absent,
        },
        "denies_insecure_transport" => tri(denies_insecure_transport(&v[0])),
        "restricts_caller" | "is_public_statement" => match to_node(&v[0]) {
            Some(stmt) if func == "restricts_caller" => tri(restricts_caller(&stmt)),
            Some(stmt) => tri(is_public_statement(&stmt)),
            None if first_undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "deref" => match &v[0] {
            Val::Ref(r) => scope
                .stack
                .at(&r.target)
                .map(Val::Resource)
                .unwrap_or(Val::Unknown),
            Val::Unknown => Val::Unknown,
            _ => Val::Absent,
        },
        "referrers" => match (v[0].as_str(), v.get(1).and_then(Val::as_str)) {
            (Some(kind), Some(path)) => referrers(scope, kind, path),
            _ => Val::Absent,
        },
        // Every resource of the kind(s) in the same template, the current one included.
        "resources" => {
            let kinds: Vec<String> = match v[0].items() {
                Some(items) => items
                    .iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect(),
                None => v[0].as_str().map(str::to_string).into_iter().collect(),
            };
            Val::List(
                kinds
                    .iter()
                    .flat_map(|k| scope.stack.of_kind(k).iter().map(|&r| Val::Resource(r)))
                    .collect(),
            )
        }
        // Members: the target comes first.
        "startsWith" => str_fn(&v, |a, b| a.starts_with(b)),
        "endsWith" => str_fn(&v, |a, b| a.ends_with(b)),
        "contains" if v.len() == 2 => match (&v[0], &v[1]) {
            (Val::Str(a), Val::Str(b)) => Val::Bool(a.contains(b.as_ref())),
            (a, b) if a.undetermined() || b.undetermined() => Val::Unknown,
            (a, b) => match a.items() {
                Some(items) => {
                    let mut acc = Val::Bool(false);
                    for i in &items {
                        acc = or(acc, equal(i, b));
                    }
                    acc
                }
                None => Val::Absent,
            },
        },
        "matches" => match (&v[0], v.get(1)) {
            (Val::Str(a), Some(Val::Str(p))) => match regex_match(p, a) {
                Some(b) => Val::Bool(b),
                None => Val::Absent,
            },
            (a, _) if a.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "lowerAscii" | "upperAscii" | "trim" => match &v[0] {
            Val::Str(s) => Val::Str(Cow::Owned(match func {
                "lowerAscii" => s.to_ascii_lowercase(),
                "upperAscii" => s.to_ascii_uppercase(),
                _ => s.trim().to_string(),
            })),
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "split" => match (&v[0], v.get(1)) {
            (Val::Str(s), Some(Val::Str(d))) => Val::List(
                s.split(d.as_ref())
                    .map(|p| Val::Str(Cow::Owned(p.to_string())))
                    .collect(),
            ),
            (a, _) if a.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "orValue" => match &v[0] {
            Val::Absent => v.swap_remove(1),
            _ => v.swap_remove(0),
        },
        "hasValue" => Val::Bool(!matches!(v[0], Val::Absent)),
        _ => Val::Absent,
    }
}

/// Contexts of a GitHub event that anyone able to open an issue, a pull request or a comment
/// (or to name a branch, or to write a commit message) controls, after [`normalise_context`].
/// Matched as a whole path or a prefix of one followed by a non-name character.
const UNTRUSTED_CONTEXTS: &str = r"(?x)
    github\.head_ref
  | github\.event\.(issue|pull_request|discussion)\.(title|body)
  | github\.event\.(comment|review|review_comment)\.body
  | github\.event\.\*\.(body|title)
  | github\.event\.pages\.\*\.page_name
  | github\.event\.commits\.\*\.(message|author\.(email|name)|committer\.(email|name))
  | github\.event\.head_commit\.(message|author\.(email|name)|committer\.(email|name))
  | github\.event\.pull_request\.head\.(ref|label|repo\.default_branch)
  | github\.event\.workflow_run\.(head_branch|display_title
        |head_commit\.(message|author\.(email|name)|committer\.(email|name))
        |pull_requests\.\*\.head\.ref)
  | tojson\(github\.event(\.(issue|pull_request|comment|review|review_comment|discussion|workflow_run|head_commit|commits))?\)
  | github\.event\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|workflow_run)\.\*
";

/// An expression's text in one spelling: lower case (contexts are case-insensitive), without
/// spaces, `['name']` and `["name"]` as `.name`, and any index (`[0]`, `[*]`) as `.*`.
fn normalise_context(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '[' {
            if let Some(close) = chars[i..].iter().position(|&x| x == ']') {
                let inner: String = chars[i + 1..i + close].iter().collect();
                let inner = inner.trim();
                let unquoted = inner
                    .strip_prefix('\'')
                    .and_then(|x| x.strip_suffix('\''))
                    .or_else(|| inner.strip_prefix('"').and_then(|x| x.strip_suffix('"')));
                match unquoted {
                    Some(name) => {
                        out.push('.');
                        out.push_str(&name.to_ascii_lowercase());
                    }
                    None => out.push_str(".*"),
                }
                i += close + 1;
                continue;
            }
        }
        if !c.is_whitespace() {
            out.push(c.to_ascii_lowercase());
        }
        i += 1;
    }
    out
}

/// Bodies of the `${{ }}` expressions in `s` that read an attacker-controlled context, trimmed.
/// An unterminated expression runs to the end of the string.
fn untrusted_expressions(s: &str) -> Vec<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(&format!(r"(?:{UNTRUSTED_CONTEXTS})(?:[^a-z0-9_]|$)"))
            .expect("the context pattern compiles")
    });
    let mut out = Vec::new();
    for body in expression_bodies(s) {
        let norm = normalise_context(body);
        // `.*` of a whole object is written `.*` already; a wildcard segment must not be read
        // as the regex's any-character.
        if re.is_match(&norm) {
            out.push(body.trim().to_string());
        }
    }
    out
}

/// The text inside each `${{ }}` of `s`; a `}}` inside a quoted literal does not close it.
fn expression_bodies(s: &str) -> Vec<&str> {
    const MAX: usize = 10_000;
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = s[i..].find("${{") {
        let start = i + found + 3;
        let mut j = start;
        let mut in_string = false;
        let mut end = bytes.len();
        while j < bytes.len() {
            match bytes[j] {
                b'\'' => in_string = !in_string,
                b'}' if !in_string && bytes.get(j + 1) == Some(&b'}') => {
                    end = j;
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        out.push(&s[start..end]);
        if out.len() == MAX {
            break;
        }
        i = (end + 2).min(bytes.len());
    }
    out
}

/// The key under which `target` (compared by address) is stored in a mapping inside `root`.
fn key_of<'n>(root: &'n Node, target: &Node) -> Option<&'n str> {
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match &n.value {
            Value::Map(m) => {
                for (k, v) in m {
                    if std::ptr::eq(v, target) {
                        return Some(k);
                    }
                    stack.push(v);
                }
            }
            Value::List(l) => stack.extend(l.iter()),
            _ => {}
        }
    }
    None
}

/// Jobs, steps, variables and commands of a pipeline file, read from its document. Which
/// format the document is comes from the resource's kind, so `jobs(props)` means the same
/// thing in a rule whatever the file.
struct Pipeline<'a> {
    kind: &'a str,
    root: &'a Node,
}

fn list_items(n: Option<&Node>) -> &[Node] {
    n.and_then(Node::as_list).unwrap_or(&[])
}

fn map_values(n: Option<&Node>) -> impl Iterator<Item = &Node> {
    n.and_then(Node::as_map)
        .into_iter()
        .flat_map(|m| m.values())
}

/// A GitLab `script` entry: a command or a list of commands, lists nested by anchors spliced.
fn script_lines<'n>(n: &'n Node, out: &mut Vec<&'n Node>) {
    match &n.value {
        Value::String(_) => out.push(n),
        Value::List(l) => {
            for i in l {
                script_lines(i, out);
            }
        }
        _ => {}
    }
}

impl<'a> Pipeline<'a> {
    fn of(scope: &Scope<'a, '_>) -> Self {
        Pipeline {
            kind: &scope.resource.kind,
            root: &scope.resource.properties,
        }
    }

    fn is_root(&self, n: &Node) -> bool {
        std::ptr::eq(n, self.root)
    }

    /// GitHub: the values of `jobs`. GitLab: every job of the file, hidden (`.name`) templates
    /// included since `extends` copies them into real jobs.
    fn jobs(&self, n: &'a Node) -> Vec<&'a Node> {
        if self.kind == "gitlab::Pipeline" && self.is_root(n) {
            return n
                .as_map()
                .into_iter()
                .flatten()
                .filter(|(k, v)| !GITLAB_KEYWORDS.contains(&k.as_str()) && v.as_map().is_some())
                .map(|(_, v)| v)
                .collect();
        }
        map_values(n.get("jobs"))
            .filter(|j| j.as_map().is_some())
            .collect()
    }

    /// Steps of a workflow (every job's), of a job, or of a composite action (`runs.steps`).
    fn steps(&self, n: &'a Node) -> Vec<&'a Node> {
        if n.get("jobs").is_some() {
            return self
                .jobs(n)
                .into_iter()
                .flat_map(|j| list_items(j.get("steps")))
                .collect();
        }
        if let Some(runs) = n.get("runs") {
            return list_items(runs.get("steps")).iter().collect();
        }
        list_items(n.get("steps")).iter().collect()
    }

    /// The job (or the action's `runs`) holding `step`, with the step list and its index.
    #[allow(clippy::type_complexity)]
    fn step_owner(&self, step: &Node) -> Option<(&'a Node, (&'a [Node], usize))> {
        let owners = self
            .jobs(self.root)
            .into_iter()
            .chain(self.root.get("runs"));
        for owner in owners {
            let list = list_items(owner.get("steps"));
            if let Some(i) = list.iter().position(|s| std::ptr::eq(s, step)) {
                return Some((owner, (list, i)));
            }
        }
        None
    }

    /// Variables: GitHub `env` of the workflow, its jobs and steps; GitLab `variables` of the
    /// file and its jobs; a buildspec's `env.variables`. Of a job or step: its own.
    fn variables(&self, n: &'a Node) -> Vec<&'a Node> {
        let own = |x: &'a Node| map_values(x.get("env")).chain(map_values(x.get("variables")));
        if !self.is_root(n) {
            return own(n).collect();
        }
        match self.kind {
            "codebuild::Buildspec" => {
                map_values(n.get("env").and_then(|e| e.get("variables"))).collect()
            }
            "gitlab::Pipeline" => own(n)
                .chain(self.jobs(n).into_iter().flat_map(own))
                .collect(),
            _ => own(n)
                .chain(self.jobs(n).into_iter().flat_map(own))
                .chain(self.steps(n).into_iter().flat_map(own))
                .collect(),
        }
    }

    /// Shell commands: a step's `run`; every `run` of a workflow or action; GitLab
    /// `before_script`, `script` and `after_script` of the file, `default` and every job; a
    /// buildspec's `commands` and `finally` of every phase.
    fn commands(&self, n: &'a Node) -> Vec<&'a Node> {
        let mut out = Vec::new();
        if let Some(run) = n.get("run") {
            out.push(run);
            return out;
        }
        match self.kind {
            "codebuild::Buildspec" if self.is_root(n) => {
                for phase in map_values(n.get("phases")) {
                    for key in ["commands", "finally"] {
                        out.extend(
                            list_items(phase.get(key))
                                .iter()
                                .filter(|c| c.as_str().is_some()),
                        );
                    }
                }
            }
            "gitlab::Pipeline" => {
                let mut holders = vec![n];
                if self.is_root(n) {
                    holders.extend(n.get("default"));
                    holders.extend(self.jobs(n));
                }
                for h in holders {
                    for key in ["before_script", "script", "after_script"] {
                        if let Some(s) = h.get(key) {
                            script_lines(s, &mut out);
                        }
                    }
                }
            }
            _ => {
                for step in self.steps(n) {
                    out.extend(step.get("run").filter(|r| r.as_str().is_some()));
                }
            }
        }
        out
    }
}

/// The pod specification inside a Kubernetes manifest ([`vigil_model::pod_spec_path`]); for
/// other kinds that follow the workload shape (a Knative Service), `spec.template.spec`.
fn pod_spec(manifest: &Node) -> Option<&Node> {
    let kind = manifest.get("kind").and_then(Node::as_str).unwrap_or("");
    manifest.at(pod_spec_path(kind).unwrap_or(&["spec", "template", "spec"]))
}

#[cfg(test)]
mod tests {
    use super::{untrusted_expressions, wildcard_match};

    #[test]
    fn untrusted_github_contexts() {
        let found = |s: &str| untrusted_expressions(s);
        assert_eq!(
            found("echo \"${{ github.event.issue.title }}\" ${{ github.sha }}"),
            ["github.event.issue.title"]
        );
        assert_eq!(
            found("${{ github.event['pull_request'][\"head\"].REF }}").len(),
            1
        );
        assert_eq!(found("${{ github.event.commits[0].message }}").len(), 1);
        assert_eq!(found("${{ github.event.pages.*.page_name }}").len(), 1);
        assert_eq!(found("${{ toJSON(github.event) }}").len(), 1);
        assert_eq!(found("${{ toJSON(github.event.*.body) }}").len(), 1);
        assert_eq!(found("git checkout ${{ github.head_ref").len(), 1);
        // Safe: ids, shas, numbers, and names only maintainers set.
        assert!(found("${{ github.event.pull_request.head.sha }}").is_empty());
        assert!(
            found("${{ github.event.pull_request.number }} ${{ github.head_ref_x }}").is_empty()
        );
        assert!(found("${{ github.event.pull_request.head.repo.full_name }}").is_empty());
        assert!(found("$GITHUB_HEAD_REF and no expression").is_empty());
    }

    #[test]
    fn iam_wildcards() {
        assert!(wildcard_match("s3:*", "s3:GetObject"));
        assert!(wildcard_match("*", "iam:PassRole"));
        assert!(wildcard_match("s3:Get*", "S3:getobject"));
        assert!(wildcard_match("iam:?assRole", "iam:PassRole"));
        assert!(!wildcard_match("s3:Put*", "s3:GetObject"));
    }
}
