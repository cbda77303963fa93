//! CloudFormation templates (YAML, JSON, SAM) → resources.
//!
//! Templates are recognised by content, not name. Everything knowable before deployment is
//! evaluated: parameters (defaults and overrides), pseudo parameters, mappings, conditions and
//! the intrinsic functions. `Ref`/`Fn::GetAtt` to a resource stay typed references; whatever
//! cannot be known becomes [`Value::Unknown`], on which no rule fires.

use crate::yaml::{self, Scalar, YKind, YNode};
use crate::{suppress, Diagnostic, Level, LoadOptions, Loaded};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use vigil_model::{
    Map, Node, Origin, Reference, Resource, SourceFile, Span, Suppression, SuppressionKind, Value,
};

/// True when the file looks like a CloudFormation or SAM template.
///
/// Cheap text test first (most YAML and JSON files are not templates); a file that passes it
/// but cannot be parsed is reported as a broken template.
pub fn claims(file: &SourceFile) -> bool {
    let lower = file.path.to_ascii_lowercase();
    let ext_ok = [".yaml", ".yml", ".json", ".template", ".cfn"]
        .iter()
        .any(|e| lower.ends_with(e));
    if !ext_ok {
        return false;
    }
    let t = &file.text;
    t.contains("AWSTemplateFormatVersion")
        || (t.contains("Resources") && (t.contains("AWS::") || t.contains("Custom::")))
}

fn looks_like_template(root: &YNode) -> bool {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    let Some(resources) = root.get("Resources").and_then(YNode::as_map) else {
        return false;
    };
    resources.iter().any(|(_, r)| {
        r.get("Type")
            .and_then(YNode::as_str)
            .is_some_and(|t| t.contains("::"))
    })
}

/// Loads a template. Diagnostics name the line; resources already read are kept.
pub fn load(file: &SourceFile, options: &LoadOptions) -> Loaded {
    let mut loaded = Loaded {
        format: Some("cloudformation"),
        ..Loaded::default()
    };
    let is_json = file.text.trim_start().starts_with('{');
    // JSON allows tabs where YAML does not; a tab is one byte either way, so offsets survive.
    let text: std::borrow::Cow<str> = if is_json && file.text.contains('\t') {
        file.text.replace('\t', " ").into()
    } else {
        std::borrow::Cow::Borrowed(&*file.text)
    };
    let parsed = match yaml::parse(&text, options.limits) {
        Ok(p) => p,
        Err(e) => {
            let (line, column, message) = if is_json {
                json_error(&file.text).unwrap_or((e.line, e.column, e.message))
            } else {
                (e.line, e.column, e.message)
            };
            loaded.diagnostics.push(Diagnostic {
                level: Level::Error,
                path: file.path.clone(),
                line,
                column,
                message: format!(
                    "cannot parse {}: {message}",
                    if is_json { "JSON" } else { "YAML" }
                ),
            });
            return loaded;
        }
    };
    if is_json {
        // YAML reads some broken JSON (trailing commas, bare words) that CloudFormation rejects.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&file.text) {
            if !e.to_string().contains("recursion limit") {
                loaded.diagnostics.push(Diagnostic {
                    level: Level::Error,
                    path: file.path.clone(),
                    line: e.line() as u32,
                    column: e.column() as u32,
                    message: format!("not valid JSON: {e}"),
                });
            }
        }
    }
    for w in parsed.warnings {
        loaded.diagnostics.push(Diagnostic {
            level: Level::Warning,
            path: file.path.clone(),
            line: w.line,
            column: w.column,
            message: w.message,
        });
    }
    // A template is a mapping; a file that names CloudFormation but holds a list or a scalar is
    // said so, rather than passed over in silence.
    let not_a_mapping = parsed.documents.first().and_then(|d| match d.kind {
        YKind::Seq(_) => Some((d.span, "a list")),
        YKind::Scalar { .. } => Some((d.span, "a scalar")),
        YKind::Map(_) => None,
    });
    let Some(root) = parsed.documents.into_iter().find(looks_like_template) else {
        loaded.format = None;
        if let Some((span, what)) = not_a_mapping {
            loaded.diagnostics.push(Diagnostic {
                level: Level::Warning,
                path: file.path.clone(),
                line: span.start.line,
                column: span.start.column,
                message: format!(
                    "not read as a CloudFormation template: the document is {what}, and a template is a mapping with `Resources`"
                ),
            });
        }
        return loaded;
    };
    let mut ctx = Template::new(file, &root, options);
    ctx.load_resources(&mut loaded.resources);
    loaded.diagnostics.extend(ctx.diagnostics.into_inner());
    loaded
}

/// serde_json's message and position for a JSON file the YAML parser rejected.
fn json_error(text: &str) -> Option<(u32, u32, String)> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => None,
        Err(e) => Some((e.line() as u32, e.column() as u32, e.to_string())),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CondState {
    InProgress,
    Done(Option<bool>),
}

struct Template<'a> {
    file: &'a SourceFile,
    root: &'a YNode,
    parameters: HashMap<String, Node>,
    resource_ids: HashMap<&'a str, &'a str>,
    conditions: HashMap<&'a str, &'a YNode>,
    condition_state: RefCell<HashMap<String, CondState>>,
    diagnostics: RefCell<Vec<Diagnostic>>,
    /// The resource whose properties are being evaluated, to report references to itself.
    current: std::cell::Cell<Option<&'a str>>,
}

/// The argument of an intrinsic: the node itself when written with a short-form tag (`!Base64 x`,
/// whose tag must then not be read again), or the value of the `Fn::` key.
#[derive(Clone, Copy)]
struct Arg<'n> {
    node: &'n YNode,
    tagged: bool,
}

/// What an evaluation produced: `None` is `AWS::NoValue` (the property is removed).
type Eval = Option<Node>;

const MAX_EVAL_DEPTH: usize = 400;

/// What entering an intrinsic function adds to the depth, beyond the one level of its
/// argument: an intrinsic's stack frames are several times a plain mapping's, and nested
/// intrinsics (or a chain of conditions) must stop before a 2 MiB thread stack overflows in an
/// unoptimised build. 400 levels of plain data; about 100 of nested intrinsics.
const INTRINSIC_DEPTH_COST: usize = 3;

impl<'a> Template<'a> {
    fn new(file: &'a SourceFile, root: &'a YNode, options: &LoadOptions) -> Self {
        let mut t = Template {
            file,
            root,
            parameters: HashMap::new(),
            resource_ids: HashMap::new(),
            conditions: HashMap::new(),
            condition_state: RefCell::new(HashMap::new()),
            diagnostics: RefCell::new(Vec::new()),
            current: std::cell::Cell::new(None),
        };
        if let Some(rs) = root.get("Resources") {
            match rs.as_map() {
                Some(rs) => {
                    for (k, v) in rs {
                        if let (Some(id), Some(ty)) =
                            (k.as_str(), v.get("Type").and_then(YNode::as_str))
                        {
                            t.resource_ids.insert(id, ty);
                        }
                    }
                }
                None => t.diag(
                    Level::Error,
                    rs.span,
                    "`Resources` must be a mapping of logical ids to resources",
                ),
            }
        }
        if let Some(cs) = root.get("Conditions").and_then(YNode::as_map) {
            for (k, v) in cs {
                if let Some(id) = k.as_str() {
                    t.conditions.insert(id, v);
                }
            }
        }
        t.load_parameters(options);
        // CloudFormation validates every condition, used or not: evaluate them all up front so
        // a cycle or a bad reference is reported even in a condition no resource uses.
        if let Some(cs) = root.get("Conditions").and_then(YNode::as_map) {
            for (k, _) in cs {
                if let Some(name) = k.as_str() {
                    t.condition(name, k.span, 0);
                }
            }
        }
        t
    }

    /// Reports a resource that refers to itself (CloudFormation rejects the cycle).
    fn check_self_reference(&self, target: &str, at: Span) {
        if self.current.get() == Some(target) {
            self.diag(
                Level::Warning,
                at,
                format!("resource `{target}` refers to itself: CloudFormation rejects a circular dependency"),
            );
        }
    }

    fn diag(&self, level: Level, span: Span, message: impl Into<String>) {
        self.diagnostics.borrow_mut().push(Diagnostic {
            level,
            path: self.file.path.clone(),
            line: span.start.line,
            column: span.start.column,
            message: message.into(),
        });
    }

    fn load_parameters(&mut self, options: &LoadOptions) {
        let Some(params) = self.root.get("Parameters").and_then(YNode::as_map) else {
            return;
        };
        for (k, decl) in params {
            let Some(name) = k.as_str() else { continue };
            let ty = decl.get("Type").and_then(YNode::as_str).unwrap_or("String");
            let is_list = ty.starts_with("List<") || ty == "CommaDelimitedList";
            let is_number = ty == "Number";
            let raw: Option<(String, Span)> = match options.parameters.get(name) {
                Some(v) => Some((v.clone(), k.span)),
                None => decl.get("Default").and_then(|d| {
                    let text = match d.scalar()? {
                        Scalar::Null => return None,
                        Scalar::Bool(b) => b.to_string(),
                        Scalar::Number(_) | Scalar::String(_) => d.as_str()?.to_string(),
                    };
                    Some((text, d.span))
                }),
            };
            let node = match raw {
                None => Node::unknown(
                    format!("parameter `{name}` has no default and no value was given"),
                    Some(k.span),
                ),
                Some((text, span)) => {
                    if is_list {
                        Node::new(
                            Value::List(
                                text.split(',')
                                    .map(|s| {
                                        Node::new(Value::String(s.trim().to_string()), Some(span))
                                    })
                                    .collect(),
                            ),
                            Some(span),
                        )
                    } else if is_number {
                        match text.trim().parse::<f64>() {
                            Ok(n) => Node::new(Value::Number(n), Some(span)),
                            Err(_) => Node::new(Value::String(text), Some(span)),
                        }
                    } else {
                        Node::new(Value::String(text), Some(span))
                    }
                }
            };
            self.parameters.insert(name.to_string(), node);
        }
        for (name, value) in &options.parameters {
            if name.starts_with("AWS::") {
                self.parameters
                    .insert(name.clone(), Node::new(Value::String(value.clone()), None));
            }
        }
    }

    fn load_resources(&mut self, out: &mut Vec<Resource>) {
        let Some(resources) = self.root.get("Resources").and_then(YNode::as_map) else {
            return;
        };
        // Split once: splitting per resource made large templates quadratic.
        let lines = vigil_model::source_lines(&self.file.text);
        for (key, body) in resources {
            let Some(id) = key.as_str() else { continue };
            let Some(kind) = body.get("Type").and_then(YNode::as_str) else {
                self.diag(
                    Level::Error,
                    key.span,
                    format!("resource `{id}` has no `Type` string"),
                );
                continue;
            };
            if let Some(cond) = body.get("Condition") {
                match cond.as_str() {
                    Some(name) => {
                        if self.condition(name, cond.span, 0) == Some(false) {
                            continue; // Not created with these parameters.
                        }
                    }
                    None => self.diag(
                        Level::Warning,
                        cond.span,
                        "`Condition` must name a condition",
                    ),
                }
            }
            let span = key.span.join(body.span);
            self.current.set(Some(id));
            // SAM: `Globals` sections give defaults to every resource of their type.
            let with_globals = kind
                .strip_prefix("AWS::Serverless::")
                .and_then(|section| self.root.get("Globals")?.get(section))
                .map(|g| match body.get("Properties") {
                    Some(p) => merge_sam_globals(p, g),
                    None => g.clone(),
                });
            let properties = match with_globals.as_ref().or(body.get("Properties")) {
                None => Node::new(Value::Map(Map::default()), Some(key.span)),
                Some(p) => match self.eval(p, 0) {
                    Some(
                        n @ Node {
                            value: Value::Map(_),
                            ..
                        },
                    ) => keyed(n, p, body),
                    Some(
                        n @ Node {
                            value: Value::Unknown(_),
                            ..
                        },
                    ) => keyed(n, p, body),
                    // `Properties:` with nothing after it: no properties.
                    Some(Node {
                        value: Value::Null, ..
                    }) => Node::new(Value::Map(Map::default()), Some(key.span)),
                    Some(other) => {
                        self.diag(
                            Level::Error,
                            p.span,
                            format!("`Properties` of `{id}` must be a mapping"),
                        );
                        Node::unknown("properties are not a mapping", other.span)
                    }
                    None => Node::new(Value::Map(Map::default()), Some(key.span)),
                },
            };
            self.current.set(None);
            let mut suppressions =
                suppress::for_block_in_lines(&lines, span.start.line, span.end.line, &["#"]);
            suppressions.extend(metadata_suppressions(body));
            let tags = tags_of(&properties);
            out.push(Resource {
                kind: kind.to_string(),
                address: id.to_string(),
                properties,
                tags,
                origin: Origin::File {
                    path: self.file.path.clone(),
                    span: Some(span),
                },
                suppressions,
                other_files: None,
            });
        }
    }

    /// Evaluates a named condition: `Some(b)` when known, `None` when it depends on unknowns.
    fn condition(&self, name: &str, at: Span, depth: usize) -> Option<bool> {
        match self.condition_state.borrow().get(name) {
            Some(CondState::Done(v)) => return *v,
            Some(CondState::InProgress) => {
                self.diag(
                    Level::Warning,
                    at,
                    format!("condition `{name}` depends on itself (a cycle)"),
                );
                return None;
            }
            None => {}
        }
        let Some(body) = self.conditions.get(name).copied() else {
            self.diag(
                Level::Warning,
                at,
                format!("condition `{name}` is not declared under `Conditions`"),
            );
            return None;
        };
        self.condition_state
            .borrow_mut()
            .insert(name.to_string(), CondState::InProgress);
        let v = self.eval(body, depth + 1).and_then(|n| truth(&n));
        self.condition_state
            .borrow_mut()
            .insert(name.to_string(), CondState::Done(v));
        v
    }

    fn eval(&self, node: &YNode, depth: usize) -> Eval {
        self.eval_node(node, depth, true)
    }

    /// Evaluates `node`; with `honour_tag` false its own short-form tag is ignored (the node is
    /// the argument of the very intrinsic its tag names).
    fn eval_node(&self, node: &YNode, depth: usize, honour_tag: bool) -> Eval {
        if depth > MAX_EVAL_DEPTH {
            self.diag(
                Level::Warning,
                node.span,
                "expression nested too deeply to evaluate",
            );
            return Some(Node::unknown("nested too deeply", Some(node.span)));
        }
        if let Some(tag) = node.tag.as_ref().filter(|_| honour_tag) {
            let name = match tag.as_str() {
                "Ref" | "Condition" => tag.clone(),
                other => format!("Fn::{other}"),
            };
            let arg = Arg { node, tagged: true };
            return self.intrinsic(&name, arg, node.span, depth + INTRINSIC_DEPTH_COST);
        }
        match &node.kind {
            YKind::Scalar { .. } => Some(Node::new(scalar_value(node), Some(node.span))),
            YKind::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    if let Some(n) = self.eval(item, depth + 1) {
                        out.push(n);
                    }
                }
                Some(Node::new(Value::List(out), Some(node.span)))
            }
            YKind::Map(entries) => {
                if entries.len() == 1 {
                    if let Some(name) = entries[0].0.as_str() {
                        if name == "Ref" || name.starts_with("Fn::") {
                            let arg = Arg {
                                node: &entries[0].1,
                                tagged: false,
                            };
                            return self.intrinsic(
                                name,
                                arg,
                                node.span,
                                depth + INTRINSIC_DEPTH_COST,
                            );
                        }
                    }
                }
                let mut map = Map::with_capacity_and_hasher(entries.len(), Default::default());
                for (k, v) in entries {
                    let key = match k.as_str() {
                        Some(s) => s.to_string(),
                        None => {
                            self.diag(
                                Level::Warning,
                                k.span,
                                "mapping key is not a string; skipped",
                            );
                            continue;
                        }
                    };
                    if let Some(mut n) = self.eval(v, depth + 1) {
                        // A property points at the line that names it.
                        n.span = Some(Span::new(
                            k.span.start,
                            n.span.map_or(k.span.end, |s| s.end),
                        ));
                        map.insert(key, n);
                    }
                }
                Some(Node::new(Value::Map(map), Some(node.span)))
            }
        }
    }

    fn intrinsic(&self, name: &str, whole: Arg<'_>, at: Span, depth: usize) -> Eval {
        let arg = whole.node;
        let unknown = |why: String| Some(Node::unknown(why, Some(at)));
        match name {
            "Ref" => {
                let Some(target) = arg.as_str() else {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        "`Ref` takes the name of a parameter or resource",
                    );
                    return unknown("malformed Ref".into());
                };
                self.reference(target, at)
            }
            "Condition" => {
                let Some(c) = arg.as_str() else {
                    return unknown("malformed Condition".into());
                };
                match self.condition(c, at, depth) {
                    Some(b) => Some(Node::new(Value::Bool(b), Some(at))),
                    None => unknown(format!("condition `{c}` depends on unknown values")),
                }
            }
            "Fn::GetAtt" => {
                let (target, attr) = match &arg.kind {
                    YKind::Scalar { text, .. } => match text.split_once('.') {
                        Some((t, a)) => (t.to_string(), a.to_string()),
                        None => {
                            self.diag(
                                Level::Warning,
                                arg.span,
                                "`Fn::GetAtt` expects `Resource.Attribute`",
                            );
                            return unknown("malformed GetAtt".into());
                        }
                    },
                    YKind::Seq(items) if items.len() == 2 => {
                        let t = items[0].as_str().unwrap_or_default().to_string();
                        let a = match self.eval(&items[1], depth + 1) {
                            Some(Node {
                                value: Value::String(s),
                                ..
                            }) => s,
                            _ => return unknown("GetAtt attribute is not known".into()),
                        };
                        (t, a)
                    }
                    _ => {
                        self.diag(
                            Level::Warning,
                            arg.span,
                            "`Fn::GetAtt` expects [Resource, Attribute]",
                        );
                        return unknown("malformed GetAtt".into());
                    }
                };
                if self.resource_ids.contains_key(target.as_str()) {
                    self.check_self_reference(&target, at);
                    Some(Node::new(
                        Value::Reference(Reference {
                            target,
                            attribute: Some(attr),
                        }),
                        Some(at),
                    ))
                } else {
                    self.diag(Level::Warning, arg.span, format!("`Fn::GetAtt` names `{target}`, which is not a resource of this template"));
                    unknown(format!("attribute of unknown resource `{target}`"))
                }
            }
            "Fn::Sub" => self.sub(arg, at, depth),
            "Fn::Join" => {
                let items = self.eval_args(arg, depth)?;
                let [delim, list] = items.as_slice() else {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        "`Fn::Join` expects [delimiter, [values]]",
                    );
                    return unknown("malformed Join".into());
                };
                let Some(delim) = delim.as_str() else {
                    return unknown("Join delimiter is not known".into());
                };
                let Some(list) = list.as_list() else {
                    return unknown("Join list is not known".into());
                };
                let mut parts = Vec::new();
                for n in list {
                    match scalar_string(n) {
                        Some(s) => parts.push(s),
                        None => {
                            return unknown("Join of values not known before deployment".into())
                        }
                    }
                }
                Some(Node::new(Value::String(parts.join(delim)), Some(at)))
            }
            "Fn::Select" => {
                let items = self.eval_args(arg, depth)?;
                let [index, list] = items.as_slice() else {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        "`Fn::Select` expects [index, [values]]",
                    );
                    return unknown("malformed Select".into());
                };
                let idx = match &index.value {
                    // `as usize` would read -1 as 0 and 1.5 as 1: CloudFormation rejects both.
                    Value::Number(n) if *n < 0.0 || n.fract() != 0.0 => {
                        self.diag(
                            Level::Warning,
                            index.span.unwrap_or(arg.span),
                            format!("`Fn::Select` index {n} is not a whole number from 0"),
                        );
                        return unknown("Select index is not a valid index".into());
                    }
                    Value::Number(n) => *n as usize,
                    Value::String(s) => match s.trim().parse::<usize>() {
                        Ok(i) => i,
                        Err(_) => return unknown("Select index is not a number".into()),
                    },
                    _ => return unknown("Select index is not known".into()),
                };
                match list.as_list() {
                    Some(l) => {
                        match l.get(idx) {
                            Some(n) => Some(n.clone()),
                            None => {
                                self.diag(Level::Warning, arg.span, format!("`Fn::Select` index {idx} is out of range (list has {} items)", l.len()));
                                unknown("Select out of range".into())
                            }
                        }
                    }
                    None => unknown("Select list is not known".into()),
                }
            }
            "Fn::Split" => {
                let items = self.eval_args(arg, depth)?;
                let [delim, s] = items.as_slice() else {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        "`Fn::Split` expects [delimiter, string]",
                    );
                    return unknown("malformed Split".into());
                };
                match (delim.as_str(), s.as_str()) {
                    (Some(d), Some(s)) if !d.is_empty() => Some(Node::new(
                        Value::List(
                            s.split(d)
                                .map(|p| Node::new(Value::String(p.to_string()), Some(at)))
                                .collect(),
                        ),
                        Some(at),
                    )),
                    _ => unknown("Split of a value not known before deployment".into()),
                }
            }
            "Fn::FindInMap" => {
                let items = self.eval_args(arg, depth)?;
                if items.len() < 3 {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        "`Fn::FindInMap` expects [MapName, TopLevelKey, SecondLevelKey]",
                    );
                    return unknown("malformed FindInMap".into());
                }
                let keys: Vec<Option<String>> = items[..3].iter().map(scalar_string).collect();
                let default = items.get(3).and_then(|d| d.get("DefaultValue")).cloned();
                let (Some(m), Some(k1), Some(k2)) = (&keys[0], &keys[1], &keys[2]) else {
                    return default
                        .or_else(|| unknown("FindInMap key not known before deployment".into()));
                };
                let found = self
                    .root
                    .get("Mappings")
                    .and_then(|ms| ms.get(m))
                    .and_then(|t| t.get(k1))
                    .and_then(|s| s.get(k2));
                match found {
                    Some(v) => self.eval(v, depth + 1).map(|mut n| {
                        n.span = Some(at);
                        n
                    }),
                    None => {
                        if default.is_none() {
                            self.diag(
                                Level::Warning,
                                arg.span,
                                format!("`Fn::FindInMap`: no entry {m}/{k1}/{k2} in `Mappings`"),
                            );
                        }
                        default.or_else(|| unknown(format!("no mapping entry {m}/{k1}/{k2}")))
                    }
                }
            }
            "Fn::If" => {
                let Some(items) = arg.as_seq().filter(|s| s.len() == 3) else {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        "`Fn::If` expects [Condition, ValueIfTrue, ValueIfFalse]",
                    );
                    return unknown("malformed If".into());
                };
                let Some(cond) = items[0].as_str() else {
                    return unknown("If condition is not a name".into());
                };
                match self.condition(cond, items[0].span, depth) {
                    Some(true) => self.eval(&items[1], depth + 1),
                    Some(false) => self.eval(&items[2], depth + 1),
                    None => {
                        // Both branches equal: the value is known whatever the condition.
                        let a = self.eval(&items[1], depth + 1);
                        let b = self.eval(&items[2], depth + 1);
                        match (a, b) {
                            (Some(a), Some(b)) if a.to_json() == b.to_json() && !a.is_unknown() => {
                                Some(a)
                            }
                            _ => unknown(format!(
                                "depends on condition `{cond}`, which is not known"
                            )),
                        }
                    }
                }
            }
            "Fn::Equals" => {
                let items = self.eval_args(arg, depth)?;
                let [a, b] = items.as_slice() else {
                    self.diag(Level::Warning, arg.span, "`Fn::Equals` expects two values");
                    return unknown("malformed Equals".into());
                };
                if a.is_unknown()
                    || b.is_unknown()
                    || matches!(a.value, Value::Reference(_))
                    || matches!(b.value, Value::Reference(_))
                {
                    return unknown("Equals on values not known before deployment".into());
                }
                let eq = match (scalar_string(a), scalar_string(b)) {
                    (Some(x), Some(y)) => x == y,
                    _ => a.to_json() == b.to_json(),
                };
                Some(Node::new(Value::Bool(eq), Some(at)))
            }
            "Fn::Not" | "Fn::And" | "Fn::Or" => {
                let Some(items) = arg.as_seq() else {
                    self.diag(
                        Level::Warning,
                        arg.span,
                        format!("`{name}` expects a list of conditions"),
                    );
                    return unknown("malformed condition".into());
                };
                let vals: Vec<Option<bool>> = items
                    .iter()
                    .map(|i| self.eval(i, depth + 1).and_then(|n| truth(&n)))
                    .collect();
                let v = match name {
                    "Fn::Not" => vals.first().copied().flatten().map(|b| !b),
                    "Fn::And" => {
                        if vals.contains(&Some(false)) {
                            Some(false)
                        } else if vals.iter().all(|v| *v == Some(true)) {
                            Some(true)
                        } else {
                            None
                        }
                    }
                    _ => {
                        if vals.contains(&Some(true)) {
                            Some(true)
                        } else if vals.iter().all(|v| *v == Some(false)) {
                            Some(false)
                        } else {
                            None
                        }
                    }
                };
                match v {
                    Some(b) => Some(Node::new(Value::Bool(b), Some(at))),
                    None => unknown("condition depends on unknown values".into()),
                }
            }
            // The decoded text is what rules want to read (user data, inline scripts).
            "Fn::Base64" => self.eval_node(arg, depth + 1, !whole.tagged).map(|mut n| {
                n.span = Some(at);
                n
            }),
            "Fn::Cidr" => {
                let items = self.eval_args(arg, depth)?;
                cidr(&items, at)
                    .or_else(|| unknown("Cidr of values not known before deployment".into()))
            }
            "Fn::ToJsonString" => {
                let v = self.eval_node(arg, depth + 1, !whole.tagged)?;
                if contains_unknown(&v) {
                    return unknown("ToJsonString of values not known before deployment".into());
                }
                Some(Node::new(Value::String(v.to_json().to_string()), Some(at)))
            }
            "Fn::Length" => {
                let v = self.eval_node(arg, depth + 1, !whole.tagged)?;
                match v.as_list() {
                    Some(l) => Some(Node::new(Value::Number(l.len() as f64), Some(at))),
                    None => unknown("Length of a value not known before deployment".into()),
                }
            }
            "Fn::ImportValue" => unknown("value imported from another stack".into()),
            "Fn::GetAZs" => unknown("availability zones are known only at deployment".into()),
            "Fn::Transform" => unknown("macro output is known only at deployment".into()),
            other => {
                self.diag(
                    Level::Warning,
                    at,
                    format!(
                        "unsupported intrinsic function `{other}`; its value is treated as unknown"
                    ),
                );
                unknown(format!("unsupported function {other}"))
            }
        }
    }

    fn eval_args(&self, arg: &YNode, depth: usize) -> Option<Vec<Node>> {
        match arg.as_seq() {
            Some(items) => Some(
                items
                    .iter()
                    .map(|i| {
                        self.eval(i, depth + 1).unwrap_or_else(|| {
                            Node::unknown("AWS::NoValue in an argument", Some(i.span))
                        })
                    })
                    .collect(),
            ),
            None => {
                self.diag(
                    Level::Warning,
                    arg.span,
                    "intrinsic function expects a list of arguments",
                );
                Some(Vec::new())
            }
        }
    }

    fn reference(&self, target: &str, at: Span) -> Eval {
        if target == "AWS::NoValue" {
            return None;
        }
        if let Some(p) = self.parameters.get(target) {
            let mut n = p.clone();
            n.span = Some(at);
            return Some(n);
        }
        match target {
            "AWS::Partition" => return Some(Node::new(Value::String("aws".into()), Some(at))),
            "AWS::URLSuffix" => {
                return Some(Node::new(Value::String("amazonaws.com".into()), Some(at)))
            }
            "AWS::Region"
            | "AWS::AccountId"
            | "AWS::StackName"
            | "AWS::StackId"
            | "AWS::NotificationARNs" => {
                return Some(Node::unknown(
                    format!(
                    "pseudo parameter {target} is known at deployment (pass --param {target}=...)"
                ),
                    Some(at),
                ))
            }
            _ => {}
        }
        if self.resource_ids.contains_key(target) {
            self.check_self_reference(target, at);
            return Some(Node::new(
                Value::Reference(Reference {
                    target: target.to_string(),
                    attribute: None,
                }),
                Some(at),
            ));
        }
        self.diag(
            Level::Warning,
            at,
            format!(
                "`Ref` to `{target}`, which is neither a parameter nor a resource of this template"
            ),
        );
        Some(Node::unknown(
            format!("unresolved reference {target}"),
            Some(at),
        ))
    }

    fn sub(&self, arg: &YNode, at: Span, depth: usize) -> Eval {
        let (template, vars): (&str, HashMap<String, Node>) = match &arg.kind {
            YKind::Scalar { text, .. } => (text, HashMap::new()),
            YKind::Seq(items) if items.len() == 2 => {
                let Some(t) = items[0].as_str() else {
                    return Some(Node::unknown("Sub template is not a string", Some(at)));
                };
                let mut vars = HashMap::new();
                if let Some(m) = items[1].as_map() {
                    for (k, v) in m {
                        if let (Some(k), Some(n)) = (k.as_str(), self.eval(v, depth + 1)) {
                            vars.insert(k.to_string(), n);
                        }
                    }
                }
                (t, vars)
            }
            _ => {
                self.diag(
                    Level::Warning,
                    arg.span,
                    "`Fn::Sub` expects a string or [string, {variables}]",
                );
                return Some(Node::unknown("malformed Sub", Some(at)));
            }
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        let mut known = true;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            rest = &after[end + 1..];
            if let Some(lit) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(lit);
                out.push('}');
                continue;
            }
            let value = if let Some(v) = vars.get(name) {
                Some(v.clone())
            } else if let Some((res, _attr)) = name.split_once('.') {
                if self.resource_ids.contains_key(res) {
                    self.check_self_reference(res, at);
                    None
                } else {
                    self.reference(name, at)
                }
            } else {
                self.reference(name, at)
            };
            match value.as_ref().and_then(scalar_string) {
                Some(s) => out.push_str(&s),
                None => {
                    known = false;
                    out.push_str("${");
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
        out.push_str(rest);
        if known {
            Some(Node::new(Value::String(out), Some(at)))
        } else {
            Some(Node::unknown(
                format!("`{out}` is known only at deployment"),
                Some(at),
            ))
        }
    }
}

/// SAM's merge of a `Globals` section into a resource's properties: the resource's scalars win,
/// maps merge key by key, and lists hold the global items first.
fn merge_sam_globals(resource: &YNode, global: &YNode) -> YNode {
    match (&resource.kind, &global.kind) {
        (YKind::Map(own), YKind::Map(defaults))
            if resource.tag.is_none() && global.tag.is_none() =>
        {
            let mut entries = own.clone();
            for (gk, gv) in defaults {
                match entries
                    .iter_mut()
                    .find(|(k, _)| k.as_str().is_some() && k.as_str() == gk.as_str())
                {
                    Some((_, v)) => *v = merge_sam_globals(v, gv),
                    None => entries.push((gk.clone(), gv.clone())),
                }
            }
            YNode {
                kind: YKind::Map(entries),
                ..resource.clone()
            }
        }
        (YKind::Seq(own), YKind::Seq(defaults))
            if resource.tag.is_none() && global.tag.is_none() =>
        {
            let items = defaults.iter().chain(own.iter()).cloned().collect();
            YNode {
                kind: YKind::Seq(items),
                ..resource.clone()
            }
        }
        _ => resource.clone(),
    }
}

/// Gives the evaluated `Properties` the span of its key line.
fn keyed(mut n: Node, props: &YNode, body: &YNode) -> Node {
    let key_span = body
        .as_map()
        .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some("Properties")))
        .map(|(k, _)| k.span);
    if let Some(k) = key_span {
        n.span = Some(Span::new(k.start, props.span.end));
    }
    n
}

fn scalar_value(node: &YNode) -> Value {
    match node.scalar() {
        Some(Scalar::Null) | None => Value::Null,
        Some(Scalar::Bool(b)) => Value::Bool(b),
        Some(Scalar::Number(n)) => Value::Number(n),
        Some(Scalar::String(s)) => Value::String(s.to_string()),
    }
}

/// A scalar as CloudFormation would stringify it, or `None` if not known as a scalar.
fn scalar_string(n: &Node) -> Option<String> {
    match &n.value {
        Value::String(s) => Some(s.clone()),
        Value::Number(x) => Some(if x.fract() == 0.0 && x.abs() < 1e15 {
            format!("{}", *x as i64)
        } else {
            x.to_string()
        }),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn truth(n: &Node) -> Option<bool> {
    match &n.value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

fn contains_unknown(n: &Node) -> bool {
    match &n.value {
        Value::Unknown(_) | Value::Reference(_) => true,
        Value::List(l) => l.iter().any(contains_unknown),
        Value::Map(m) => m.values().any(contains_unknown),
        _ => false,
    }
}

fn cidr(items: &[Node], at: Span) -> Option<Node> {
    let [block, count, bits] = items else {
        return None;
    };
    let block: ipnet::IpNet = block.as_str()?.parse().ok()?;
    let num = |n: &Node| match &n.value {
        Value::Number(x) => Some(*x as u32),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    let (count, bits) = (num(count)?, num(bits)?);
    let host_bits: u32 = match block {
        ipnet::IpNet::V4(_) => 32,
        ipnet::IpNet::V6(_) => 128,
    };
    let prefix = host_bits.checked_sub(bits)? as u8;
    let subnets = block.subnets(prefix).ok()?;
    let list = subnets
        .take(count.min(256) as usize)
        .map(|s| Node::new(Value::String(s.to_string()), Some(at)))
        .collect();
    Some(Node::new(Value::List(list), Some(at)))
}

/// Tags written as `[{Key, Value}]` (most resources) or a plain map (SAM, some services).
fn tags_of(properties: &Node) -> BTreeMap<String, String> {
    let mut tags = BTreeMap::new();
    match properties.get("Tags").map(|t| &t.value) {
        Some(Value::List(items)) => {
            for item in items {
                if let (Some(k), Some(v)) = (
                    item.get("Key").and_then(Node::as_str),
                    item.get("Value").and_then(scalar_string),
                ) {
                    tags.insert(k.to_string(), v);
                }
            }
        }
        Some(Value::Map(m)) => {
            for (k, v) in m {
                if let Some(v) = scalar_string(v) {
                    tags.insert(k.clone(), v);
                }
            }
        }
        _ => {}
    }
    tags
}

/// `Metadata: {vigil: {ignore: [{id, reason}]}}`, for JSON templates that cannot hold comments.
fn metadata_suppressions(body: &YNode) -> Vec<Suppression> {
    let Some(list) = body
        .get("Metadata")
        .and_then(|m| m.get("vigil"))
        .and_then(|v| v.get("ignore"))
        .and_then(YNode::as_seq)
    else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|item| {
            let (rule, reason) = match item.as_str() {
                Some(id) => (id.to_string(), None),
                None => (
                    item.get("id")?.as_str()?.to_string(),
                    item.get("reason")
                        .and_then(YNode::as_str)
                        .map(str::to_string),
                ),
            };
            Some(Suppression {
                kind: SuppressionKind::Inline,
                rule,
                reason: reason.unwrap_or_else(|| "no reason given".to_string()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn load_with(text: &str, params: &[(&str, &str)]) -> Loaded {
        let file = SourceFile {
            path: "t.yaml".into(),
            disk_path: "t.yaml".into(),
            text: Arc::from(text),
        };
        let mut options = LoadOptions::default();
        for (k, v) in params {
            options.parameters.insert(k.to_string(), v.to_string());
        }
        load(&file, &options)
    }

    fn prop(loaded: &Loaded, resource: &str, key: &str) -> Value {
        let r = loaded
            .resources
            .iter()
            .find(|r| r.address == resource)
            .unwrap_or_else(|| panic!("no resource {resource}"));
        r.properties
            .get(key)
            .map(|n| n.value.clone())
            .unwrap_or(Value::Null)
    }

    const TEMPLATE: &str = r#"
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  Ports: {Type: CommaDelimitedList, Default: "22,80"}
  NoDefault: {Type: String}
  Count: {Type: Number, Default: 3}
Mappings:
  Sizes:
    prod: {Class: db.r5.large}
    dev: {Class: db.t3.micro}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref NoDefault, x]]
  Either: !Or [!Condition IsProd, !Equals [!Ref NoDefault, x]]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "logs-${Env}-${AWS::Partition}"
      Joined: !Join ["-", [a, !Ref Env, b]]
      Selected: !Select [1, !Ref Ports]
      Split: !Split [",", "x,y,z"]
      Class: !FindInMap [Sizes, !Ref Env, Class]
      IfProd: !If [IsProd, yes-prod, no-prod]
      IfUnknown: !If [Both, a, b]
      IfSame: !If [Both, same, same]
      Either: !If [Either, on, off]
      Gone: !If [NotProd, x, !Ref AWS::NoValue]
      Unknown: !Ref NoDefault
      Region: !Ref AWS::Region
      Imported: !ImportValue shared-vpc
      Count: !Ref Count
      Escaped: !Sub "${!Literal}-${Env}"
      Cidrs: !Cidr ["10.0.0.0/16", 2, 8]
      Long:
        Fn::Join: ["", ["x", {"Ref": "Env"}]]
      UserData: !Base64 "echo hi"
      UserDataSub:
        Fn::Base64: !Sub "echo ${Env}"
      Json: !ToJsonString {a: !Ref Env}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      Arn: !GetAtt Bucket.Arn
      ArnList: !GetAtt [Bucket, Arn]
      SubAttr: !Sub "${Bucket.Arn}/*"
  OnlyInDev:
    Type: AWS::SNS::Topic
    Condition: NotProd
"#;

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn evaluates_intrinsics() {
        let l = load_with(TEMPLATE, &[]);
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        assert_eq!(prop(&l, "Bucket", "BucketName"), s("logs-prod-aws"));
        assert_eq!(prop(&l, "Bucket", "Joined"), s("a-prod-b"));
        assert_eq!(prop(&l, "Bucket", "Selected"), s("80"));
        assert!(matches!(prop(&l, "Bucket", "Split"), Value::List(l) if l.len() == 3));
        assert_eq!(prop(&l, "Bucket", "Class"), s("db.r5.large"));
        assert_eq!(prop(&l, "Bucket", "IfProd"), s("yes-prod"));
        assert_eq!(
            prop(&l, "Bucket", "Either"),
            s("on"),
            "true || unknown is true"
        );
        assert!(matches!(prop(&l, "Bucket", "IfUnknown"), Value::Unknown(_)));
        assert_eq!(prop(&l, "Bucket", "IfSame"), s("same"));
        assert_eq!(
            prop(&l, "Bucket", "Gone"),
            Value::Null,
            "AWS::NoValue removes the key"
        );
        assert!(matches!(prop(&l, "Bucket", "Unknown"), Value::Unknown(_)));
        assert!(matches!(prop(&l, "Bucket", "Region"), Value::Unknown(_)));
        assert!(matches!(prop(&l, "Bucket", "Imported"), Value::Unknown(_)));
        assert_eq!(prop(&l, "Bucket", "Count"), Value::Number(3.0));
        assert_eq!(prop(&l, "Bucket", "Escaped"), s("${Literal}-prod"));
        assert_eq!(prop(&l, "Bucket", "Long"), s("xprod"));
        assert_eq!(prop(&l, "Bucket", "UserData"), s("echo hi"));
        assert_eq!(prop(&l, "Bucket", "UserDataSub"), s("echo prod"));
        assert_eq!(prop(&l, "Bucket", "Json"), s(r#"{"a":"prod"}"#));
        match prop(&l, "Bucket", "Cidrs") {
            Value::List(items) => {
                assert_eq!(items[0].as_str(), Some("10.0.0.0/24"));
                assert_eq!(items[1].as_str(), Some("10.0.1.0/24"));
            }
            other => panic!("{other:?}"),
        }
        let reference = |target: &str, attribute: Option<&str>| {
            Value::Reference(Reference {
                target: target.into(),
                attribute: attribute.map(str::to_string),
            })
        };
        assert_eq!(prop(&l, "Policy", "Bucket"), reference("Bucket", None));
        assert_eq!(prop(&l, "Policy", "Arn"), reference("Bucket", Some("Arn")));
        assert_eq!(
            prop(&l, "Policy", "ArnList"),
            reference("Bucket", Some("Arn"))
        );
        assert!(matches!(prop(&l, "Policy", "SubAttr"), Value::Unknown(_)));
        assert!(
            !l.resources.iter().any(|r| r.address == "OnlyInDev"),
            "a resource whose condition is false is not created"
        );
    }

    #[test]
    fn overrides_and_pseudo_parameters() {
        let l = load_with(TEMPLATE, &[("Env", "dev"), ("AWS::Region", "eu-west-1")]);
        assert_eq!(prop(&l, "Bucket", "Class"), s("db.t3.micro"));
        assert_eq!(prop(&l, "Bucket", "IfProd"), s("no-prod"));
        assert_eq!(prop(&l, "Bucket", "Region"), s("eu-west-1"));
        assert!(l.resources.iter().any(|r| r.address == "OnlyInDev"));
    }

    #[test]
    fn property_spans_point_at_keys() {
        let l = load_with(TEMPLATE, &[]);
        let bucket = &l.resources[0];
        let span = bucket.properties.get("Joined").unwrap().span.unwrap();
        let line = TEMPLATE.lines().nth(span.start.line as usize - 1).unwrap();
        assert!(line.trim_start().starts_with("Joined:"), "{line}");
    }

    #[test]
    fn json_templates_and_tags() {
        let text = r#"{
  "Resources": {
    "Q": {
      "Type": "AWS::SQS::Queue",
      "Properties": {
	"QueueName": {"Fn::Sub": "q-${AWS::Partition}"},
        "Tags": [{"Key": "team", "Value": "core"}]
      },
      "Metadata": {"vigil": {"ignore": [{"id": "AWS-SQS-001", "reason": "test queue"}]}}
    }
  }
}"#;
        let file = SourceFile {
            path: "t.json".into(),
            disk_path: "t.json".into(),
            text: Arc::from(text),
        };
        assert!(claims(&file));
        let l = load(&file, &LoadOptions::default());
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        let q = &l.resources[0];
        assert_eq!(
            q.properties.get("QueueName").unwrap().as_str(),
            Some("q-aws")
        );
        assert_eq!(
            q.properties
                .get("QueueName")
                .unwrap()
                .span
                .unwrap()
                .start
                .line,
            6
        );
        assert_eq!(q.tags.get("team").map(String::as_str), Some("core"));
        assert_eq!(q.suppressions[0].rule, "AWS-SQS-001");
        assert_eq!(q.suppressions[0].reason, "test queue");
    }

    #[test]
    fn broken_json_that_yaml_accepts_is_an_error() {
        let text = "{\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\"},\n  }\n}\n";
        let file = SourceFile {
            path: "t.json".into(),
            disk_path: "t.json".into(),
            text: Arc::from(text),
        };
        let l = load(&file, &LoadOptions::default());
        let d = l
            .diagnostics
            .iter()
            .find(|d| d.message.contains("not valid JSON"))
            .expect("reported");
        assert_eq!((d.level, d.line), (Level::Error, 4));
        assert_eq!(l.resources.len(), 1, "what could be read is still judged");
    }

    #[test]
    fn sam_templates_are_recognised() {
        let l = load_with(
            "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n",
            &[],
        );
        assert_eq!(l.format, Some("cloudformation"));
        assert_eq!(l.resources[0].kind, "AWS::Serverless::Function");
    }

    #[test]
    fn cyclic_conditions_are_reported_with_a_line() {
        let l = load_with(
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: A\nConditions:\n  A: !Condition C\n  C: !Condition A\n",
            &[],
        );
        let d = l
            .diagnostics
            .iter()
            .find(|d| d.message.contains("cycle"))
            .expect("cycle reported");
        assert!(d.line > 0);
        assert_eq!(
            l.resources.len(),
            1,
            "an undecidable condition keeps the resource"
        );
    }

    #[test]
    fn unresolved_ref_is_an_error_with_line() {
        let l = load_with(
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Ref Nowhere\n",
            &[],
        );
        let d = &l.diagnostics[0];
        // The file was read; the value is unknown. Template validity is cfn-lint's job.
        assert_eq!(d.level, Level::Warning);
        assert_eq!(d.line, 5);
        assert!(d.message.contains("Nowhere"));
    }

    #[test]
    fn sam_globals_apply_to_their_resources() {
        let l = load_with(
            "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    TracingEnabled: true\n    Variables: {a: 1}\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      Variables: {b: 2}\n  Own:\n    Type: AWS::Serverless::Api\n    Properties:\n      TracingEnabled: false\n",
            &[],
        );
        assert_eq!(prop(&l, "Api", "TracingEnabled"), Value::Bool(true));
        assert_eq!(prop(&l, "Api", "StageName"), s("prod"));
        match prop(&l, "Api", "Variables") {
            Value::Map(m) => assert_eq!(m.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            prop(&l, "Own", "TracingEnabled"),
            Value::Bool(false),
            "the resource's value wins"
        );
    }

    #[test]
    fn null_properties_are_empty() {
        let l = load_with(
            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n",
            &[],
        );
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        assert!(l.resources[0].properties.as_map().unwrap().is_empty());
    }

    #[test]
    fn non_templates_are_not_claimed() {
        let l = load_with("name: build\non: push\njobs: {}\n", &[]);
        assert_eq!(l.format, None);
        assert!(l.resources.is_empty());
    }
}
