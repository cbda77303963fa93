//! The set of rules in force for a run, indexed by resource kind.

use crate::expr::{Env, Expr, Scope, StackIndex, Val};
use crate::rule::{Fixture, Rule, RuleError};
use std::collections::HashMap;
use std::path::Path;
use vigil_model::{fingerprint, Finding, Location, Node, Resource, Span, Value};

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{0}")]
    Rule(#[from] RuleError),
    #[error("rule id {id} is defined twice: in {first} and in {second}")]
    Duplicate {
        id: String,
        first: String,
        second: String,
    },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

/// Rules compiled once for a run, with an index from resource kind to the checks that apply.
#[derive(Debug, Default)]
pub struct Catalogue {
    rules: Vec<Rule>,
    by_kind: HashMap<String, Vec<(usize, usize)>>,
}

impl Catalogue {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a rule; an id already present is an error naming both origins.
    pub fn add(&mut self, rule: Rule) -> Result<(), CatalogueError> {
        if let Some(existing) = self.rules.iter().find(|r| r.id == rule.id) {
            return Err(CatalogueError::Duplicate {
                id: rule.id.clone(),
                first: existing.origin.clone(),
                second: rule.origin,
            });
        }
        let idx = self.rules.len();
        for (ci, check) in rule.checks.iter().enumerate() {
            for kind in &check.kinds {
                self.by_kind
                    .entry(kind.clone())
                    .or_default()
                    .push((idx, ci));
            }
        }
        self.rules.push(rule);
        Ok(())
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this id or name, in any case.
    pub fn get(&self, key: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.is_named(key))
    }

    /// Keeps only the rules `keep` accepts (used for `--skip` and `vigil.toml`).
    pub fn retain(&mut self, keep: impl Fn(&Rule) -> bool) {
        let rules = std::mem::take(&mut self.rules);
        self.by_kind.clear();
        for r in rules.into_iter().filter(|r| keep(r)) {
            // Ids were unique when first added.
            let _ = self.add(r);
        }
    }

    /// Reads every rule folder (a folder holding `rule.yaml`) under `dir`, with its fixtures.
    pub fn load_dir(dir: &Path) -> Result<Vec<Rule>, Vec<CatalogueError>> {
        let mut rules = Vec::new();
        let mut errors = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        if !dir.is_dir() {
            return Err(vec![CatalogueError::Io {
                path: dir.display().to_string(),
                message: "not a directory of rules".into(),
            }]);
        }
        while let Some(d) = stack.pop() {
            let entries = match std::fs::read_dir(&d) {
                Ok(e) => e,
                Err(e) => {
                    errors.push(CatalogueError::Io {
                        path: d.display().to_string(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            files.sort();
            let rule_file = d.join("rule.yaml");
            if rule_file.is_file() {
                let origin = rule_file.display().to_string();
                let text = match std::fs::read_to_string(&rule_file) {
                    Ok(t) => t,
                    Err(e) => {
                        errors.push(CatalogueError::Io {
                            path: origin,
                            message: e.to_string(),
                        });
                        continue;
                    }
                };
                let fixtures = files
                    .iter()
                    .filter(|p| p.is_file())
                    .filter_map(|p| {
                        let name = p.file_name()?.to_str()?.to_string();
                        if !(name.starts_with("pass") || name.starts_with("fail")) {
                            return None;
                        }
                        let text = std::fs::read_to_string(p).ok()?;
                        Some(Fixture {
                            file_name: name,
                            text,
                        })
                    })
                    .collect();
                match Rule::parse(&origin, &text, fixtures) {
                    Ok(r) => rules.push(r),
                    Err(e) => errors.push(e.into()),
                }
            }
            for p in files.into_iter().rev() {
                if p.is_dir() {
                    stack.push(p);
                }
            }
        }
        if errors.is_empty() {
            rules.sort_by(|a, b| a.id.cmp(&b.id));
            Ok(rules)
        } else {
            Err(errors)
        }
    }

    /// Judges every resource of one file or stack. Findings are in resource, then rule order.
    pub fn evaluate(&self, stack: &[Resource]) -> Vec<Finding> {
        let mut out = Vec::new();
        let index = StackIndex::new(stack);
        for resource in stack {
            let Some(checks) = self.by_kind.get(&resource.kind) else {
                continue;
            };
            let scope = Scope {
                resource,
                stack: &index,
            };
            for &(ri, ci) in checks {
                let rule = &self.rules[ri];
                evaluate_check(rule, ci, &scope, &mut out);
            }
        }
        out
    }
}

fn evaluate_check(rule: &Rule, ci: usize, scope: &Scope<'_, '_>, out: &mut Vec<Finding>) {
    let check = &rule.checks[ci];
    let resource = scope.resource;
    let mut env = Env::new(scope);
    match &check.each {
        None => {
            if env.eval(&check.when).is_true() {
                let node = locate(&mut env, check.at.as_ref().unwrap_or(&check.when), None);
                out.push(finding(rule, resource, node));
            }
        }
        Some(each) => {
            let list = env.eval(each);
            // Keep the nodes so findings can point at the item.
            let items: Vec<(Val, Option<&Node>)> = match &list {
                Val::Node(n) => match &n.value {
                    Value::List(l) => l.iter().map(|x| (Val::from_node(x), Some(x))).collect(),
                    _ => vec![(list.clone(), Some(*n))],
                },
                other => match other.items() {
                    Some(items) => items
                        .into_iter()
                        .map(|v| {
                            let node = match &v {
                                Val::Node(n) => Some(*n),
                                Val::Resource(r) => Some(&r.properties),
                                _ => None,
                            };
                            (v, node)
                        })
                        .collect(),
                    None => Vec::new(),
                },
            };
            for (item, item_node) in items {
                env.bind("item", item);
                if env.eval(&check.when).is_true() {
                    // Without `at`, a finding on an item points at the item itself.
                    let node = match &check.at {
                        Some(at) => locate(&mut env, at, item_node).or(item_node),
                        None => item_node,
                    };
                    out.push(finding(rule, resource, node));
                }
                env.unbind();
            }
        }
    }
}

/// The node a finding points at: the deepest existing node along the first property path
/// (`props.X.Y`, `item.Z`, `resource.properties.X`) in `e`.
fn locate<'a>(env: &mut Env<'a, '_, '_>, e: &Expr, item: Option<&'a Node>) -> Option<&'a Node> {
    let (root, segments) = first_path(e)?;
    let mut node: &'a Node = match root.as_str() {
        "props" => &env.scope.resource.properties,
        "item" => item?,
        "resource" => {
            if segments.first().map(String::as_str) != Some("properties") {
                return None;
            }
            let mut n = &env.scope.resource.properties;
            for seg in &segments[1..] {
                match step(n, seg) {
                    Some(c) => n = c,
                    None => break,
                }
            }
            return Some(n);
        }
        _ => return None,
    };
    for seg in &segments {
        match step(node, seg) {
            Some(c) => node = c,
            None => break,
        }
    }
    Some(node)
}

fn step<'a>(n: &'a Node, seg: &str) -> Option<&'a Node> {
    match &n.value {
        Value::Map(m) => m.get(seg),
        Value::List(l) => seg.parse::<usize>().ok().and_then(|i| l.get(i)),
        _ => None,
    }
}

/// The first chain of field selections rooted at a variable, in evaluation order.
fn first_path(e: &Expr) -> Option<(String, Vec<String>)> {
    fn chain(e: &Expr, out: &mut Vec<String>) -> Option<String> {
        match e {
            Expr::Ident(n) => Some(n.clone()),
            Expr::Select { operand, field, .. } => {
                let root = chain(operand, out)?;
                out.push(field.clone());
                Some(root)
            }
            Expr::Call {
                func,
                args,
                target: None,
            } if func == "_[_]" || func == "_?._" => {
                let root = chain(&args[0], out)?;
                match &args[1] {
                    Expr::Str(s) => out.push(s.clone()),
                    Expr::Int(i) => out.push(i.to_string()),
                    _ => return None,
                }
                Some(root)
            }
            _ => None,
        }
    }
    let mut segs = Vec::new();
    if let Some(root) = chain(e, &mut segs) {
        if crate::expr::ROOT_VARIABLES.contains(&root.as_str()) && !segs.is_empty() {
            return Some((root, segs));
        }
    }
    match e {
        Expr::Select { operand, .. } => first_path(operand),
        Expr::Call { target, args, .. } => target
            .as_deref()
            .into_iter()
            .chain(args.iter())
            .find_map(first_path),
        Expr::List(l) => l.iter().find_map(first_path),
        Expr::Comprehension(c) => first_path(&c.range),
        _ => None,
    }
}

fn finding(rule: &Rule, resource: &Resource, node: Option<&Node>) -> Finding {
    let span: Option<Span> = node.and_then(|n| n.span).or(resource.span());
    // A span into another file (a Terraform module call) names that file.
    let file = span
        .and_then(|s| resource.file_of(&s))
        .or(resource.file())
        .unwrap_or(&resource.address)
        .to_string();
    let span = span.map(|s| s.in_file(0));
    // `Properties.X.Y`, or `Properties` itself for a property that is missing.
    let property_path =
        node.and_then(|n| resource.properties.path_to(n))
            .map(|p| match p.as_str() {
                "" => "Properties".to_string(),
                _ if p.starts_with('[') => format!("Properties{p}"),
                _ => format!("Properties.{p}"),
            });
    let message = match &rule.message {
        Some(m) => m
            .replace("{address}", &resource.address)
            .replace("{kind}", &resource.kind),
        None => format!("{} ({} `{}`)", rule.title, resource.kind, resource.address),
    };
    Finding {
        fingerprint: fingerprint(
            &rule.id,
            resource.file().unwrap_or(&resource.address),
            &resource.address,
            property_path.as_deref(),
        ),
        rule_id: rule.id.clone(),
        rule_name: rule.name.clone(),
        severity: rule.severity,
        title: rule.title.clone(),
        message,
        kind: resource.kind.clone(),
        address: resource.address.clone(),
        location: Location { path: file, span },
        property_path,
        remediation: rule.remediation.clone(),
        suppressed: None,
        provenance: None,
    }
}
