//! `terraform show -json` output: the planned values of every resource, mapped onto the same
//! records as configuration files.
//!
//! Planned values are exact where Terraform knows them. What Terraform will know only after
//! apply is listed in `resource_changes[].change.after_unknown`; those values become unknown,
//! or, when the configuration section shows the argument refers to another resource
//! (`bucket = aws_s3_bucket.logs.id`), a reference to it, so split resources still join their
//! subject. When the `.tf` files are beside the plan, findings point at their lines.

use super::config::TfResource;
use super::functions::from_json;
use super::syntax::ParsedFile;
use super::{join_path, parent_dir, Fs};
use crate::Loaded;
use hcl_edit::structure::Body;
use hcl_edit::Span as _;
use serde_json::Value as J;
use std::collections::HashMap;
use std::sync::Arc;
use vigil_model::{Diagnostic, Level, Node, Reference, SourceFile, Span, Value};

/// Whether a JSON file is a Terraform plan or state in `terraform show -json` form.
pub fn claims(file: &SourceFile) -> bool {
    let head = &file.text[..file.text.len().min(4096)];
    head.trim_start().starts_with('{')
        && head.contains("\"format_version\"")
        && (head.contains("\"planned_values\"") || head.contains("\"terraform_version\""))
}

/// Reads a plan; configuration files are read through `fs` from the plan's directory.
pub fn load(file: &SourceFile, fs: &dyn Fs) -> Loaded {
    let mut loaded = Loaded {
        format: Some("terraform-plan"),
        ..Loaded::default()
    };
    let json: J = match serde_json::from_str(&file.text) {
        Ok(j) => j,
        Err(e) => {
            loaded.diagnostics.push(Diagnostic {
                level: Level::Error,
                path: file.path.clone(),
                line: e.line() as u32,
                column: e.column() as u32,
                message: format!("not valid JSON: {e}"),
            });
            return loaded;
        }
    };
    let Some(root) = json.pointer("/planned_values/root_module") else {
        loaded.diagnostics.push(Diagnostic {
            level: Level::Error,
            path: file.path.clone(),
            line: 1,
            column: 1,
            message: "no `planned_values.root_module`: expected the output of `terraform show -json <planfile>`".into(),
        });
        return loaded;
    };
    let mut configs = Configs::new(fs, parent_dir(&file.path), &json, &file.path);
    let unknowns: HashMap<&str, &J> = json
        .get("resource_changes")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c.get("address")?.as_str()?,
                c.pointer("/change/after_unknown")?,
            ))
        })
        .collect();
    let mut resources = Vec::new();
    collect(root, &mut |r: &J| {
        if r.get("mode").and_then(J::as_str) != Some("managed") {
            return;
        }
        let (Some(address), Some(tf_type), Some(values)) = (
            r.get("address").and_then(J::as_str),
            r.get("type").and_then(J::as_str),
            r.get("values"),
        ) else {
            return;
        };
        let module = r
            .get("address")
            .and_then(J::as_str)
            .map(module_part)
            .unwrap_or_default();
        let mut attributes = from_json(values, None);
        if let Some(u) = unknowns.get(address) {
            mark_unknown(&mut attributes, u);
        }
        let name = r.get("name").and_then(J::as_str).unwrap_or("");
        configs.add_references(&module, tf_type, name, &mut attributes);
        let located = configs.locate(&module, tf_type, name, &mut attributes);
        let (path, span, suppressions) = match located {
            Some(l) => l,
            None => (file.path.clone(), line_of(&file.text, address), Vec::new()),
        };
        let block_address = address.split('[').next().unwrap_or(address).to_string();
        resources.push(TfResource {
            tf_type: tf_type.to_string(),
            address: address.to_string(),
            block_address,
            attributes,
            path,
            span,
            suppressions,
            uncertain: false,
        });
    });
    let mut paths = vec![file.path.clone()];
    paths.extend(configs.files.iter().map(|f| f.path.clone()));
    loaded.resources = super::aws::to_resources(&resources, &HashMap::new(), Some(Arc::new(paths)));
    loaded.diagnostics.extend(configs.diagnostics);
    loaded.sources = configs
        .files
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    loaded
}

fn collect(module: &J, f: &mut dyn FnMut(&J)) {
    for r in module
        .get("resources")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        f(r);
    }
    for c in module
        .get("child_modules")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        collect(c, f);
    }
}

/// `module.a["x"].module.b.aws_s3_bucket.c[0]` → `module.a.module.b` (keys dropped).
fn module_part(address: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        let end = after.find(['.', '[']).unwrap_or(after.len());
        parts.push(&after[..end]);
        rest = &after[end..];
        if rest.starts_with('[') {
            rest = rest.find("].").map(|i| &rest[i + 1..]).unwrap_or("");
        }
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    parts
        .iter()
        .map(|p| format!("module.{p}"))
        .collect::<Vec<_>>()
        .join(".")
}

/// The line of a resource's address in the plan text: where a finding points when the
/// configuration is not beside the plan.
fn line_of(text: &str, address: &str) -> Option<Span> {
    let quoted = serde_json::to_string(address).ok()?;
    let at = text.find(&quoted)?;
    let line = text[..at].matches('\n').count() as u32 + 1;
    Some(Span::point(line, 1).in_file(1))
}

/// Applies `after_unknown` (`true` where the value is known only after apply).
fn mark_unknown(node: &mut Node, unknown: &J) {
    match unknown {
        J::Bool(true) => *node = Node::unknown("known after apply", node.span),
        J::Object(o) => {
            if let Value::Map(m) = &mut node.value {
                for (k, u) in o {
                    match m.get_mut(k) {
                        Some(child) => mark_unknown(child, u),
                        None if u == &J::Bool(true) => {
                            m.insert(k.clone(), Node::unknown("known after apply", None));
                        }
                        None => {}
                    }
                }
            }
        }
        J::Array(a) => {
            if let Value::List(l) = &mut node.value {
                for (child, u) in l.iter_mut().zip(a) {
                    mark_unknown(child, u);
                }
            }
        }
        _ => {}
    }
}

/// The configuration beside a plan: its module directories, parsed `.tf` files, and the
/// `configuration` section of the plan.
struct Configs<'a> {
    fs: &'a dyn Fs,
    /// Module path (`module.a.module.b`, `""` for the root) → directory.
    dirs: HashMap<String, String>,
    /// Module path → its `configuration` section.
    sections: HashMap<String, &'a J>,
    files: Vec<ParsedFile>,
    parsed_dirs: HashMap<String, Vec<usize>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Configs<'a> {
    fn new(fs: &'a dyn Fs, root_dir: &str, plan: &'a J, _plan_path: &str) -> Self {
        let mut c = Configs {
            fs,
            dirs: HashMap::new(),
            sections: HashMap::new(),
            files: Vec::new(),
            parsed_dirs: HashMap::new(),
            diagnostics: Vec::new(),
        };
        if let Some(root) = plan.pointer("/configuration/root_module") {
            c.walk_config(String::new(), root_dir.to_string(), root);
        }
        c
    }

    fn walk_config(&mut self, path: String, dir: String, section: &'a J) {
        self.dirs.insert(path.clone(), dir.clone());
        self.sections.insert(path.clone(), section);
        for (name, call) in section
            .get("module_calls")
            .and_then(J::as_object)
            .into_iter()
            .flatten()
        {
            let child_path = if path.is_empty() {
                format!("module.{name}")
            } else {
                format!("{path}.module.{name}")
            };
            let source = call.get("source").and_then(J::as_str).unwrap_or("");
            let child_dir = if source.starts_with("./") || source.starts_with("../") {
                join_path(&dir, source)
            } else {
                None
            };
            if let (Some(d), Some(m)) = (child_dir, call.get("module")) {
                self.walk_config(child_path, d, m);
            }
        }
    }

    /// Arguments Terraform knows only after apply but that the configuration shows refer to
    /// another resource become references to it.
    fn add_references(&self, module: &str, tf_type: &str, name: &str, attrs: &mut Node) {
        let Some(section) = self.sections.get(module) else {
            return;
        };
        let Some(config) = section
            .get("resources")
            .and_then(J::as_array)
            .into_iter()
            .flatten()
            .find(|r| {
                r.get("type").and_then(J::as_str) == Some(tf_type)
                    && r.get("name").and_then(J::as_str) == Some(name)
                    && r.get("mode").and_then(J::as_str) == Some("managed")
            })
        else {
            return;
        };
        let Value::Map(m) = &mut attrs.value else {
            return;
        };
        for (k, expr) in config
            .get("expressions")
            .and_then(J::as_object)
            .into_iter()
            .flatten()
        {
            let Some(refs) = expr.get("references").and_then(J::as_array) else {
                continue;
            };
            let needs = m.get(k).is_none_or(Node::is_unknown);
            if !needs {
                continue;
            }
            let Some(r) = refs.iter().filter_map(J::as_str).find(|r| {
                !r.starts_with("var.")
                    && !r.starts_with("local.")
                    && !r.starts_with("data.")
                    && !r.starts_with("module.")
                    && r.matches('.').count() >= 2
            }) else {
                continue;
            };
            let mut parts = r.splitn(3, '.');
            let (t, n, attr) = (
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
                parts.next(),
            );
            let prefix = if module.is_empty() {
                String::new()
            } else {
                format!("{module}.")
            };
            m.insert(
                k.clone(),
                Node::new(
                    Value::Reference(Reference {
                        target: format!("{prefix}{t}.{n}"),
                        attribute: attr.map(str::to_string),
                    }),
                    None,
                ),
            );
        }
    }

    /// Finds the resource block in the `.tf` files and gives the values its spans.
    fn locate(
        &mut self,
        module: &str,
        tf_type: &str,
        name: &str,
        attrs: &mut Node,
    ) -> Option<(String, Option<Span>, Vec<vigil_model::Suppression>)> {
        let dir = self.dirs.get(module)?.clone();
        if !self.parsed_dirs.contains_key(&dir) {
            let mut ids = Vec::new();
            for n in self.fs.list(&dir) {
                if !super::is_configuration_file(&n) {
                    continue;
                }
                let path = join_path(&dir, &n).unwrap_or(n);
                let Some(text) = self.fs.read(&path) else {
                    continue;
                };
                // File 1 is the plan itself.
                let id = self.files.len() as u16 + 2;
                let (parsed, diag) = ParsedFile::parse(&path, text, id);
                if let Some(mut d) = diag {
                    d.level = Level::Warning;
                    d.message = format!(
                        "{} (configuration beside the plan; locations fall back to the plan)",
                        d.message
                    );
                    self.diagnostics.push(d);
                }
                ids.push(self.files.len());
                self.files.push(parsed);
            }
            self.parsed_dirs.insert(dir.clone(), ids);
        }
        for &i in &self.parsed_dirs[&dir] {
            let file = &self.files[i];
            let Some(body) = &file.body else { continue };
            let block = body.blocks().find(|b| {
                b.ident.as_str() == "resource"
                    && b.labels.first().map(|l| l.as_str()) == Some(tf_type)
                    && b.labels.get(1).map(|l| l.as_str()) == Some(name)
            });
            if let Some(block) = block {
                let head = file.head_span(block.span());
                give_spans(attrs, &block.body, file, head);
                let range = block.span()?;
                let first = file.position(range.start).line;
                let last = file.position(range.end.saturating_sub(1)).line;
                let suppressions =
                    crate::suppress::for_block(&file.text, first, last, &["#", "//", "/*"]);
                return Some((file.path.clone(), head, suppressions));
            }
        }
        None
    }
}

/// Spans from the configuration: an argument's value points at the argument, a nested block's
/// values at the block; values not written (defaults, computed) at the resource's first line.
fn give_spans(node: &mut Node, body: &Body, file: &ParsedFile, head: Option<Span>) {
    node.span = head;
    let Value::Map(m) = &mut node.value else {
        return;
    };
    for (k, v) in m.iter_mut() {
        if let Some(a) = body.get_attribute(k) {
            let at = file.head_span(a.span());
            *v = super::eval::fill_spans(
                super::eval::strip_spans(std::mem::replace(v, Node::new(Value::Null, None))),
                at,
            );
            continue;
        }
        let blocks: Vec<_> = body.get_blocks(k).collect();
        if let (false, Value::List(items)) = (blocks.is_empty(), &mut v.value) {
            v.span = file.head_span(blocks[0].span());
            for (item, b) in items.iter_mut().zip(blocks.iter()) {
                let bh = file.head_span(b.span());
                give_spans(item, &b.body, file, bh);
            }
            continue;
        }
        *v = super::eval::fill_spans(std::mem::replace(v, Node::new(Value::Null, None)), head);
    }
}
