//! The module tree of one configuration, and its expansion into resource instances.
//!
//! Evaluation is lazy and memoised, as Terraform's is order-free: a local, a module input or a
//! module output is evaluated the first time something reads it. A value that is still being
//! evaluated when it is read again is a cycle: it becomes unknown and a diagnostic names it.

use super::syntax::ParsedFile;
use super::{join_path, Fs, Limits, VariableInputs};
use crate::terraform::eval::{fill_spans, strip_spans, Scope};
use hcl_edit::structure::{Attribute, Block, Body, Structure};
use hcl_edit::Span as _;
use indexmap::IndexMap;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;
use vigil_model::{Diagnostic, Level, Map, Node, Span, Suppression, Value};

/// Blocks of a resource that configure Terraform, not the resource.
const META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];
/// Arguments of a resource that configure Terraform, not the resource.
const META_ARGUMENTS: &[&str] = &["count", "for_each", "provider", "depends_on"];

/// One module directory's declarations.
pub(crate) struct ModuleDef<'s> {
    pub dir: String,
    pub variables: HashMap<&'s str, (&'s Block, &'s ParsedFile)>,
    pub locals: HashMap<&'s str, (&'s Attribute, &'s ParsedFile)>,
    pub resources: Vec<(&'s Block, &'s ParsedFile)>,
    /// Resource types declared here, for telling `aws_s3_bucket.x` from an unknown name.
    pub resource_types: HashSet<&'s str>,
    pub data: HashMap<(&'s str, &'s str), (&'s Block, &'s ParsedFile)>,
    pub modules: IndexMap<&'s str, (&'s Block, &'s ParsedFile)>,
    pub outputs: HashMap<&'s str, (&'s Block, &'s ParsedFile)>,
}

/// A memoised value: `Busy` while it is being evaluated, so a cycle is seen, not followed.
#[derive(Clone)]
pub(crate) enum Slot<T> {
    Busy,
    Done(T),
}

/// The instances a `module` block expands into: with `count` or `for_each` there are several.
#[derive(Clone)]
pub(crate) enum Expansion {
    Single(usize),
    /// `count`: instance ids in index order.
    List(Vec<usize>),
    /// `for_each`: key and instance id.
    Map(Vec<(String, usize)>),
    /// Not evaluated (a registry or git module not on disk, a cycle, a limit).
    Unknown(String),
}

/// One instance of a module: the root, or a module call (one per `count`/`for_each` key).
pub struct Instance<'s> {
    pub(crate) def: Rc<ModuleDef<'s>>,
    /// Address prefix: `""` for the root, `module.vpc`, `module.vpc.module.subnets["a"]`.
    pub address: String,
    /// The module block that made this instance, and where it is.
    pub(crate) call: Option<Call<'s>>,
    /// Directories from the root down to this one: a module that sources one of them loops.
    pub(crate) chain: Vec<String>,
    pub(crate) vars: RefCell<HashMap<String, Slot<Node>>>,
    pub(crate) locals: RefCell<HashMap<String, Slot<Node>>>,
    pub(crate) outputs: RefCell<HashMap<String, Slot<Node>>>,
    pub(crate) data: RefCell<HashMap<(String, String), Slot<Node>>>,
    pub(crate) children: RefCell<HashMap<String, Slot<Expansion>>>,
}

pub(crate) struct Call<'s> {
    pub parent: usize,
    pub block: &'s Block,
    pub file: &'s ParsedFile,
    /// `each` or `count` for this instance.
    pub bindings: Vec<(String, Node)>,
}

/// A resource instance after evaluation, before mapping: the provider type and its arguments,
/// nested blocks as lists of maps (the shape `terraform show -json` uses).
#[derive(Debug, Clone)]
pub struct TfResource {
    pub tf_type: String,
    /// Full address: `module.vpc.aws_subnet.public[0]`.
    pub address: String,
    /// Address without the instance key: `module.vpc.aws_subnet.public`.
    pub block_address: String,
    pub attributes: Node,
    /// The file the block is in, and the span of its first line.
    pub path: String,
    pub span: Option<Span>,
    pub suppressions: Vec<Suppression>,
    /// Whether this instance exists is known only after apply (`count` or `for_each` unknown).
    pub uncertain: bool,
}

/// Shared state of one configuration's evaluation.
pub struct Evaluation<'s> {
    pub(crate) fs: &'s dyn Fs,
    pub(crate) files: &'s [ParsedFile],
    pub(crate) defs: HashMap<String, Rc<ModuleDef<'s>>>,
    /// Directory of modules downloaded by `terraform init`, by module key (`vpc.subnets`).
    pub(crate) downloaded: HashMap<String, String>,
    pub(crate) instances: RefCell<Vec<Rc<Instance<'s>>>>,
    pub(crate) root_vars: HashMap<String, Node>,
    pub(crate) diagnostics: RefCell<Vec<Diagnostic>>,
    pub(crate) limits: Limits,
    /// Structured values behind strings made by `jsonencode` and policy documents, so a policy
    /// parsed back from its JSON keeps the lines its statements were written on.
    pub(crate) json_sources: RefCell<HashMap<String, Node>>,
    pub(crate) instance_count: std::cell::Cell<usize>,
    /// Expressions evaluated so far, against [`Limits::max_steps`].
    pub(crate) steps: std::cell::Cell<u64>,
    /// Files read by `file()` and `templatefile()`, for code frames.
    pub(crate) extra_sources: RefCell<Vec<(String, Arc<str>)>>,
}

/// What the whole configuration yields.
pub struct ConfigurationOutput {
    pub resources: Vec<TfResource>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file read, by path (for code frames), in file-id order.
    pub files: Vec<(String, Arc<str>)>,
    pub json_sources: HashMap<String, Node>,
}

/// Reads the module at `root_dir` and every local module it calls (recursively), evaluates them
/// and returns every resource instance.
pub fn load_configuration(
    root_dir: &str,
    fs: &dyn Fs,
    inputs: &VariableInputs,
    limits: Limits,
) -> ConfigurationOutput {
    let mut diagnostics = Vec::new();
    // Phase 1: find and parse every module directory reachable from the root.
    let mut files: Vec<ParsedFile> = Vec::new();
    let mut dir_files: HashMap<String, Vec<usize>> = HashMap::new();
    let downloaded = downloaded_modules(root_dir, fs);
    // Modules downloaded by `terraform init` are read like local ones.
    let mut queue: Vec<String> = downloaded.values().cloned().collect();
    queue.push(root_dir.to_string());
    let mut seen = HashSet::new();
    while let Some(dir) = queue.pop() {
        if !seen.insert(dir.clone()) || seen.len() > 10_000 {
            continue;
        }
        let mut ids = Vec::new();
        for name in fs.list(&dir) {
            if !super::is_configuration_file(&name) {
                continue;
            }
            let path = if dir.is_empty() {
                name.clone()
            } else {
                format!("{dir}/{name}")
            };
            let Some(text) = fs.read(&path) else {
                diagnostics.push(Diagnostic {
                    level: Level::Error,
                    path: path.clone(),
                    line: 0,
                    column: 0,
                    message: "cannot read (not UTF-8 text?)".into(),
                });
                continue;
            };
            let id = files.len() as u16 + 1;
            let (parsed, diag) = ParsedFile::parse(&path, text, id);
            diagnostics.extend(diag);
            for source in parsed.body.as_ref().map(module_sources).unwrap_or_default() {
                if let Some(child) = local_source(&dir, &source) {
                    queue.push(child);
                }
            }
            ids.push(files.len());
            files.push(parsed);
        }
        dir_files.insert(dir, ids);
    }
    let files_out: Vec<(String, Arc<str>)> = files
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();

    // Phase 2: declarations per directory.
    let files_ref: &[ParsedFile] = &files;
    let mut defs = HashMap::new();
    for (dir, ids) in &dir_files {
        let def = module_def(dir, ids.iter().map(|&i| &files_ref[i]), &mut diagnostics);
        defs.insert(dir.clone(), Rc::new(def));
    }
    let root_def = defs.get(root_dir).cloned();
    let root_vars = root_variables(root_dir, fs, inputs, &mut diagnostics);
    let ev = Evaluation {
        fs,
        files: files_ref,
        defs,
        downloaded,
        instances: RefCell::new(Vec::new()),
        root_vars,
        diagnostics: RefCell::new(diagnostics),
        limits,
        json_sources: RefCell::new(HashMap::new()),
        instance_count: std::cell::Cell::new(0),
        steps: std::cell::Cell::new(0),
        extra_sources: RefCell::new(Vec::new()),
    };
    let mut resources = Vec::new();
    if let Some(def) = root_def {
        let root = ev.add_instance(Instance::new(
            def,
            String::new(),
            None,
            vec![root_dir.into()],
        ));
        ev.collect(root, &mut resources);
    }
    let mut files_out = files_out;
    files_out.extend(ev.extra_sources.into_inner());
    ConfigurationOutput {
        resources,
        diagnostics: ev.diagnostics.into_inner(),
        files: files_out,
        json_sources: ev.json_sources.into_inner(),
    }
}

/// The `source` of every `module` block of a body, as written.
pub fn module_sources(body: &Body) -> Vec<String> {
    body.blocks()
        .filter(|b| b.ident.as_str() == "module")
        .filter_map(|b| b.body.get_attribute("source"))
        .filter_map(|a| a.value.as_str().map(str::to_string))
        .collect()
}

/// A local module path (`./x`, `../x`) joined to `dir`; `None` for registry and git sources.
fn local_source(dir: &str, source: &str) -> Option<String> {
    if source.starts_with("./") || source.starts_with("../") || source == "." || source == ".." {
        join_path(dir, source)
    } else {
        None
    }
}

/// `.terraform/modules/modules.json`: where `terraform init` put registry and git modules.
fn downloaded_modules(root_dir: &str, fs: &dyn Fs) -> HashMap<String, String> {
    let manifest = join_path(root_dir, ".terraform/modules/modules.json").unwrap_or_default();
    let Some(text) = fs.read(&manifest) else {
        return HashMap::new();
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return HashMap::new();
    };
    let mut out = HashMap::new();
    for m in json
        .get("Modules")
        .and_then(|m| m.as_array())
        .into_iter()
        .flatten()
    {
        if let (Some(key), Some(dir)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) {
            if !key.is_empty() {
                if let Some(d) = join_path(root_dir, dir) {
                    out.insert(key.to_string(), d);
                }
            }
        }
    }
    out
}

fn module_def<'s>(
    dir: &str,
    files: impl Iterator<Item = &'s ParsedFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> ModuleDef<'s> {
    let mut def = ModuleDef {
        dir: dir.to_string(),
        variables: HashMap::new(),
        locals: HashMap::new(),
        resources: Vec::new(),
        resource_types: HashSet::new(),
        data: HashMap::new(),
        modules: IndexMap::new(),
        outputs: HashMap::new(),
    };
    for file in files {
        let Some(body) = &file.body else { continue };
        for block in body.blocks() {
            let label = |i: usize| block.labels.get(i).map(|l| l.as_str());
            let mut duplicate = |what: &str, name: &str| {
                if let Some(span) = file.head_span(block.span()) {
                    diagnostics.push(Diagnostic {
                        level: Level::Warning,
                        path: file.path.clone(),
                        line: span.start.line,
                        column: span.start.column,
                        message: format!("{what} `{name}` is declared twice; the first is used"),
                    });
                }
            };
            match (block.ident.as_str(), label(0), label(1)) {
                ("variable", Some(name), _) => {
                    if def.variables.contains_key(name) {
                        duplicate("variable", name);
                    } else {
                        def.variables.insert(name, (block, file));
                    }
                }
                ("locals", _, _) => {
                    for attr in block.body.attributes() {
                        let name = attr.key.as_str();
                        if def.locals.contains_key(name) {
                            duplicate("local", name);
                        } else {
                            def.locals.insert(name, (attr, file));
                        }
                    }
                }
                ("resource", Some(t), Some(_)) => {
                    def.resource_types.insert(t);
                    def.resources.push((block, file));
                }
                ("data", Some(t), Some(n)) => {
                    def.data.insert((t, n), (block, file));
                }
                ("module", Some(name), _) => {
                    if def.modules.contains_key(name) {
                        duplicate("module", name);
                    } else {
                        def.modules.insert(name, (block, file));
                    }
                }
                ("output", Some(name), _) => {
                    def.outputs.insert(name, (block, file));
                }
                _ => {}
            }
        }
    }
    def
}

/// Values of the root module's variables from `terraform.tfvars`, `*.auto.tfvars`, `--var-file`
/// and `--var`, in Terraform's order of precedence (later wins). Defaults are applied later.
fn root_variables(
    root_dir: &str,
    fs: &dyn Fs,
    inputs: &VariableInputs,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashMap<String, Node> {
    let mut paths = Vec::new();
    let names = fs.list(root_dir);
    let in_root = |n: &str| join_path(root_dir, n).unwrap_or_else(|| n.to_string());
    if names.iter().any(|n| n == "terraform.tfvars") {
        paths.push(in_root("terraform.tfvars"));
    }
    for n in &names {
        if n.ends_with(".auto.tfvars") {
            paths.push(in_root(n));
        }
    }
    paths.extend(inputs.var_files.iter().cloned());
    let mut out = HashMap::new();
    for path in paths {
        let Some(text) = fs.read(&path) else {
            diagnostics.push(Diagnostic {
                level: Level::Error,
                path: path.clone(),
                line: 0,
                column: 0,
                message: "cannot read the variable file".into(),
            });
            continue;
        };
        let (file, diag) = ParsedFile::parse(&path, text, 0);
        diagnostics.extend(diag);
        let Some(body) = &file.body else { continue };
        for attr in body.attributes() {
            let mut d = Vec::new();
            let v = super::eval::constant(&attr.value, &file, &mut d);
            diagnostics.extend(d);
            out.insert(attr.key.to_string(), strip_spans(v));
        }
    }
    for (k, v) in &inputs.vars {
        out.insert(k.clone(), parse_cli_value(v));
    }
    out
}

/// A `--var` value: HCL when it parses as a number, bool, list or object, else the string.
fn parse_cli_value(text: &str) -> Node {
    let t = text.trim();
    if t.starts_with('[')
        || t.starts_with('{')
        || t == "true"
        || t == "false"
        || t.parse::<f64>().is_ok()
    {
        if let Ok(e) = hcl_edit::parser::parse_expr(t) {
            let (file, _) = ParsedFile::parse("--var", Arc::from(""), 0);
            let mut d = Vec::new();
            let v = super::eval::constant(&e, &file, &mut d);
            if d.is_empty() {
                return strip_spans(v);
            }
        }
    }
    Node::new(Value::String(text.to_string()), None)
}

impl<'s> Instance<'s> {
    pub(crate) fn new(
        def: Rc<ModuleDef<'s>>,
        address: String,
        call: Option<Call<'s>>,
        chain: Vec<String>,
    ) -> Self {
        Instance {
            def,
            address,
            call,
            chain,
            vars: RefCell::default(),
            locals: RefCell::default(),
            outputs: RefCell::default(),
            data: RefCell::default(),
            children: RefCell::default(),
        }
    }

    /// `module.x.` style prefix for addresses inside this instance.
    pub(crate) fn prefix(&self) -> String {
        if self.address.is_empty() {
            String::new()
        } else {
            format!("{}.", self.address)
        }
    }
}

impl<'s> Evaluation<'s> {
    pub(crate) fn add_instance(&self, inst: Instance<'s>) -> usize {
        let mut all = self.instances.borrow_mut();
        all.push(Rc::new(inst));
        all.len() - 1
    }

    pub(crate) fn instance(&self, id: usize) -> Rc<Instance<'s>> {
        self.instances.borrow()[id].clone()
    }

    pub(crate) fn diag(&self, level: Level, path: &str, span: Option<Span>, message: String) {
        self.diagnostics.borrow_mut().push(Diagnostic {
            level,
            path: path.to_string(),
            line: span.map(|s| s.start.line).unwrap_or(0),
            column: span.map(|s| s.start.column).unwrap_or(0),
            message,
        });
    }

    /// The path of a file by its id (see [`Span::file`]).
    pub(crate) fn file_path(&self, id: u16) -> &str {
        self.files
            .get((id as usize).wrapping_sub(1))
            .map(|f| f.path.as_str())
            .unwrap_or("")
    }

    /// The value of `var.name` in instance `inst`.
    pub(crate) fn variable(&self, inst: usize, name: &str, at: Option<Span>) -> Node {
        let instance = self.instance(inst);
        if let Some(slot) = instance.vars.borrow().get(name) {
            return match slot {
                Slot::Done(v) => v.clone(),
                Slot::Busy => self.cycle(&format!("var.{name}"), at),
            };
        }
        let Some(&(decl, decl_file)) = instance.def.variables.get(name) else {
            self.diag(
                Level::Warning,
                self.file_path(at.map(|s| s.file).unwrap_or(0)),
                at,
                format!("`var.{name}` is not declared in this module"),
            );
            return Node::unknown(format!("undeclared variable {name}"), at);
        };
        instance
            .vars
            .borrow_mut()
            .insert(name.to_string(), Slot::Busy);
        let given = match &instance.call {
            None => self.root_vars.get(name).cloned(),
            Some(call) => call.block.body.get_attribute(name).map(|arg| {
                let mut scope = Scope::new(self, call.parent, call.file);
                scope.bindings = call.bindings.clone();
                let v = scope.eval(&arg.value);
                let arg_span = call.file.span(arg.span());
                place(v, arg_span, call.file.id, self)
            }),
        };
        let value = match given {
            Some(v) if !matches!(v.value, Value::Null) => v,
            _ => match decl.body.get_attribute("default") {
                Some(d) => {
                    let mut scope = Scope::new(self, inst, decl_file);
                    strip_spans(scope.eval(&d.value))
                }
                None if given.is_some() => given.unwrap_or_else(|| Node::new(Value::Null, None)),
                None => Node::unknown(format!("variable {name} has no value"), None),
            },
        };
        instance
            .vars
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(value.clone()));
        value
    }

    pub(crate) fn local(&self, inst: usize, name: &str, at: Option<Span>) -> Node {
        let instance = self.instance(inst);
        if let Some(slot) = instance.locals.borrow().get(name) {
            return match slot {
                Slot::Done(v) => v.clone(),
                Slot::Busy => self.cycle(&format!("local.{name}"), at),
            };
        }
        let Some(&(attr, file)) = instance.def.locals.get(name) else {
            self.diag(
                Level::Warning,
                self.file_path(at.map(|s| s.file).unwrap_or(0)),
                at,
                format!("`local.{name}` is not declared in this module"),
            );
            return Node::unknown(format!("undeclared local {name}"), at);
        };
        instance
            .locals
            .borrow_mut()
            .insert(name.to_string(), Slot::Busy);
        let value = Scope::new(self, inst, file).eval(&attr.value);
        instance
            .locals
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(value.clone()));
        value
    }

    fn cycle(&self, what: &str, at: Option<Span>) -> Node {
        self.diag(
            Level::Warning,
            self.file_path(at.map(|s| s.file).unwrap_or(0)),
            at,
            format!("`{what}` refers to itself through a cycle; its value is treated as unknown"),
        );
        Node::unknown(format!("{what} is part of a cycle"), at)
    }

    /// `data.TYPE.NAME`: policy documents are evaluated, other data sources are unknown.
    pub(crate) fn data(&self, inst: usize, tf_type: &str, name: &str, at: Option<Span>) -> Node {
        let instance = self.instance(inst);
        let key = (tf_type.to_string(), name.to_string());
        if let Some(slot) = instance.data.borrow().get(&key) {
            return match slot {
                Slot::Done(v) => v.clone(),
                Slot::Busy => self.cycle(&format!("data.{tf_type}.{name}"), at),
            };
        }
        let unknown = || Node::unknown(format!("data.{tf_type}.{name} is read at plan time"), at);
        let Some(&(block, file)) = instance.def.data.get(&(tf_type, name)) else {
            return unknown();
        };
        if tf_type != "aws_iam_policy_document" {
            return unknown();
        }
        instance.data.borrow_mut().insert(key.clone(), Slot::Busy);
        let head = file.head_span(block.span());
        let one = |bindings: Vec<(String, Node)>| {
            let mut scope = Scope::new(self, inst, file);
            scope.bindings = bindings;
            let attrs = scope.resource_body(&block.body, head);
            super::aws::iam::policy_document_data_source(&attrs, self)
        };
        // `count` and `for_each` make a list or a map of documents, as for resources.
        let value = match self.expansion_keys(inst, &block.body, file) {
            Keys::Single => one(Vec::new()),
            Keys::Count(n) => Node::new(
                Value::List((0..n).map(|i| one(vec![count_binding(i)])).collect()),
                head,
            ),
            Keys::Each(entries) => Node::new(
                Value::Map(
                    entries
                        .into_iter()
                        .map(|(k, v)| {
                            let doc = one(vec![each_binding(&k, v)]);
                            (k, doc)
                        })
                        .collect(),
                ),
                head,
            ),
            Keys::Unknown => unknown(),
        };
        instance
            .data
            .borrow_mut()
            .insert(key, Slot::Done(value.clone()));
        value
    }

    /// `module.NAME`, or `module.NAME.OUTPUT` when `output` is given and the call has no
    /// `count`/`for_each`.
    pub(crate) fn module_value(
        &self,
        inst: usize,
        name: &str,
        output: Option<&str>,
        at: Option<Span>,
    ) -> Node {
        let expansion = self.expand_module(inst, name, at);
        let outputs_of = |child: usize| -> Node {
            let def = self.instance(child).def.clone();
            let mut names: Vec<&&str> = def.outputs.keys().collect();
            names.sort();
            let mut m = Map::default();
            for n in names {
                m.insert(n.to_string(), self.output(child, n, at));
            }
            Node::new(Value::Map(m), at)
        };
        match expansion {
            Expansion::Single(child) => match output {
                Some(o) => self.output(child, o, at),
                None => outputs_of(child),
            },
            Expansion::List(ids) => {
                Node::new(Value::List(ids.into_iter().map(outputs_of).collect()), at)
            }
            Expansion::Map(entries) => Node::new(
                Value::Map(
                    entries
                        .into_iter()
                        .map(|(k, id)| (k, outputs_of(id)))
                        .collect(),
                ),
                at,
            ),
            Expansion::Unknown(why) => Node::unknown(why, at),
        }
    }

    pub(crate) fn output(&self, inst: usize, name: &str, at: Option<Span>) -> Node {
        let instance = self.instance(inst);
        if let Some(slot) = instance.outputs.borrow().get(name) {
            return match slot {
                Slot::Done(v) => v.clone(),
                Slot::Busy => self.cycle(&format!("output {name}"), at),
            };
        }
        let Some(&(block, file)) = instance.def.outputs.get(name) else {
            return Node::unknown(format!("module has no output {name}"), at);
        };
        let Some(value) = block.body.get_attribute("value") else {
            return Node::unknown(format!("output {name} has no value"), at);
        };
        instance
            .outputs
            .borrow_mut()
            .insert(name.to_string(), Slot::Busy);
        let v = Scope::new(self, inst, file).eval(&value.value);
        instance
            .outputs
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(v.clone()));
        v
    }

    /// The instances of module call `name` in `inst`, created on first use.
    pub(crate) fn expand_module(&self, inst: usize, name: &str, at: Option<Span>) -> Expansion {
        let instance = self.instance(inst);
        if let Some(slot) = instance.children.borrow().get(name) {
            return match slot {
                Slot::Done(e) => e.clone(),
                Slot::Busy => {
                    self.cycle(&format!("module.{name}"), at);
                    Expansion::Unknown(format!("module.{name} is part of a cycle"))
                }
            };
        }
        let Some(&(block, file)) = instance.def.modules.get(name) else {
            return Expansion::Unknown(format!("no module {name}"));
        };
        instance
            .children
            .borrow_mut()
            .insert(name.to_string(), Slot::Busy);
        let e = self.instantiate_module(inst, &instance, name, block, file);
        instance
            .children
            .borrow_mut()
            .insert(name.to_string(), Slot::Done(e.clone()));
        e
    }

    fn instantiate_module(
        &self,
        inst: usize,
        instance: &Instance<'s>,
        name: &str,
        block: &'s Block,
        file: &'s ParsedFile,
    ) -> Expansion {
        let head = file.head_span(block.span());
        let source = block
            .body
            .get_attribute("source")
            .and_then(|a| a.value.as_str());
        let Some(source) = source else {
            self.diag(
                Level::Warning,
                &file.path,
                head,
                format!("module `{name}` has no literal `source`; it is not evaluated"),
            );
            return Expansion::Unknown(format!("module {name} has no source"));
        };
        let key = module_key(&instance.address, name);
        let dir = match local_source(&instance.def.dir, source) {
            Some(d) => d,
            None => match self.downloaded.get(&key) {
                Some(d) => d.clone(),
                None => {
                    self.diag(
                        Level::Note,
                        &file.path,
                        head,
                        format!(
                            "module `{name}` (source `{source}`) is not evaluated: only local \
                             modules and modules downloaded by `terraform init` are read; its \
                             outputs are unknown"
                        ),
                    );
                    return Expansion::Unknown(format!("module {name} is not evaluated"));
                }
            },
        };
        if instance.chain.contains(&dir) {
            self.diag(
                Level::Error,
                &file.path,
                head,
                format!(
                    "module `{name}` sources `{source}`, which is one of its own callers: a \
                     module cannot include itself"
                ),
            );
            return Expansion::Unknown(format!("module {name} sources itself"));
        }
        if instance.chain.len() >= self.limits.max_module_depth {
            self.diag(
                Level::Error,
                &file.path,
                head,
                format!(
                    "module `{name}` is nested more than {} levels deep; not evaluated",
                    self.limits.max_module_depth
                ),
            );
            return Expansion::Unknown(format!("module {name} is too deep"));
        }
        let Some(def) = self.defs.get(&dir).cloned() else {
            self.diag(
                Level::Error,
                &file.path,
                head,
                format!("module `{name}`: no Terraform files in `{dir}` (source `{source}`)"),
            );
            return Expansion::Unknown(format!("module {name} has no files"));
        };
        let mut chain = instance.chain.clone();
        chain.push(dir);
        let base = format!("{}module.{name}", instance.prefix());
        let keys = self.expansion_keys(inst, &block.body, file);
        let make = |suffix: String, bindings: Vec<(String, Node)>| {
            self.add_instance(Instance::new(
                def.clone(),
                format!("{base}{suffix}"),
                Some(Call {
                    parent: inst,
                    block,
                    file,
                    bindings,
                }),
                chain.clone(),
            ))
        };
        match keys {
            Keys::Single => Expansion::Single(make(String::new(), Vec::new())),
            Keys::Count(n) => Expansion::List(
                (0..n)
                    .map(|i| make(format!("[{i}]"), vec![count_binding(i)]))
                    .collect(),
            ),
            Keys::Each(entries) => Expansion::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| {
                        let id = make(format!("[{k:?}]"), vec![each_binding(&k, v)]);
                        (k, id)
                    })
                    .collect(),
            ),
            Keys::Unknown => Expansion::Single(make(
                "[*]".into(),
                vec![
                    ("count".into(), unknown_object(&["index"])),
                    ("each".into(), unknown_object(&["key", "value"])),
                ],
            )),
        }
    }

    /// Evaluates `count` / `for_each` of a resource or module block.
    fn expansion_keys(&self, inst: usize, body: &'s Body, file: &'s ParsedFile) -> Keys {
        let mut scope = Scope::new(self, inst, file);
        if let Some(count) = body.get_attribute("count") {
            let v = scope.eval(&count.value);
            return match super::eval::as_number(&v) {
                Some(n) if n >= 0.0 => Keys::Count((n as usize).min(self.limits.max_collection)),
                _ if v.is_unknown() => Keys::Unknown,
                _ => {
                    self.diag(
                        Level::Warning,
                        &file.path,
                        file.span(count.span()),
                        "`count` must be a whole number; the block is read once".into(),
                    );
                    Keys::Unknown
                }
            };
        }
        if let Some(each) = body.get_attribute("for_each") {
            let v = scope.eval(&each.value);
            // `for_each = aws_s3_bucket.this`: the instances of another resource, each value
            // a reference to one of them.
            if let Value::Reference(r) = &v.value {
                if r.attribute.is_none() {
                    return self.resource_keys(inst, &r.target, 0);
                }
            }
            return match &v.value {
                Value::Map(m) => {
                    Keys::Each(m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                }
                Value::List(items) => {
                    let mut out = Vec::new();
                    for item in items {
                        match super::eval::to_string(item) {
                            Some(s) => out.push((s, item.clone())),
                            None => return Keys::Unknown,
                        }
                    }
                    Keys::Each(out)
                }
                Value::Null => Keys::Each(Vec::new()),
                _ => Keys::Unknown,
            };
        }
        Keys::Single
    }

    /// The instance keys of resource block `target` (`aws_s3_bucket.this`, with this instance's
    /// prefix), each value a reference to that instance.
    fn resource_keys(&self, inst: usize, target: &str, depth: usize) -> Keys {
        let instance = self.instance(inst);
        let prefix = instance.prefix();
        let Some(&(block, file)) = instance.def.resources.iter().find(|(b, _)| {
            format!("{prefix}{}.{}", b.labels[0].as_str(), b.labels[1].as_str()) == target
        }) else {
            return Keys::Unknown;
        };
        if depth > 8 {
            return Keys::Unknown;
        }
        let to = |suffix: String| {
            Node::new(
                Value::Reference(vigil_model::Reference {
                    target: format!("{target}{suffix}"),
                    attribute: None,
                }),
                None,
            )
        };
        match self.expansion_keys(inst, &block.body, file) {
            Keys::Each(entries) => Keys::Each(
                entries
                    .into_iter()
                    .map(|(k, _)| {
                        let r = to(format!("[{k:?}]"));
                        (k, r)
                    })
                    .collect(),
            ),
            Keys::Count(n) => Keys::Each(
                (0..n)
                    .map(|i| (i.to_string(), to(format!("[{i}]"))))
                    .collect(),
            ),
            Keys::Single | Keys::Unknown => Keys::Unknown,
        }
    }

    /// Walks the instance tree from `inst` and evaluates every resource instance.
    fn collect(&self, inst: usize, out: &mut Vec<TfResource>) {
        let instance = self.instance(inst);
        let def = instance.def.clone();
        for &(block, file) in &def.resources {
            let tf_type = block.labels[0].as_str();
            let name = block.labels[1].as_str();
            let block_address = format!("{}{tf_type}.{name}", instance.prefix());
            let head = file.head_span(block.span());
            let suppressions = block_suppressions(file, block);
            let emit =
                |suffix: String, bindings: Vec<(String, Node)>, out: &mut Vec<TfResource>| {
                    let used = self.instance_count.get() + 1;
                    if used > self.limits.max_instances {
                        if used == self.limits.max_instances + 1 {
                            self.diag(
                                Level::Error,
                                &file.path,
                                head,
                                format!(
                                    "more than {} resource instances; the rest are not evaluated",
                                    self.limits.max_instances
                                ),
                            );
                        }
                        self.instance_count.set(used);
                        return;
                    }
                    self.instance_count.set(used);
                    let mut scope = Scope::new(self, inst, file);
                    scope.bindings = bindings;
                    let attributes = scope.resource_body(&block.body, head);
                    out.push(TfResource {
                        tf_type: tf_type.to_string(),
                        address: format!("{block_address}{suffix}"),
                        block_address: block_address.clone(),
                        attributes,
                        path: file.path.clone(),
                        span: head,
                        suppressions: suppressions.clone(),
                        uncertain: suffix == "[*]",
                    });
                };
            match self.expansion_keys(inst, &block.body, file) {
                Keys::Single => emit(String::new(), Vec::new(), out),
                Keys::Count(n) => {
                    for i in 0..n {
                        emit(format!("[{i}]"), vec![count_binding(i)], out);
                    }
                }
                Keys::Each(entries) => {
                    for (k, v) in entries {
                        emit(format!("[{k:?}]"), vec![each_binding(&k, v)], out);
                    }
                }
                Keys::Unknown => emit(
                    "[*]".into(),
                    vec![
                        ("count".into(), unknown_object(&["index"])),
                        ("each".into(), unknown_object(&["key", "value"])),
                    ],
                    out,
                ),
            }
        }
        let names: Vec<&str> = def.modules.keys().copied().collect();
        for name in names {
            let ids = match self.expand_module(inst, name, None) {
                Expansion::Single(id) => vec![id],
                Expansion::List(ids) => ids,
                Expansion::Map(entries) => entries.into_iter().map(|(_, id)| id).collect(),
                Expansion::Unknown(_) => Vec::new(),
            };
            for id in ids {
                self.collect(id, out);
            }
        }
    }
}

enum Keys {
    Single,
    Count(usize),
    Each(Vec<(String, Node)>),
    Unknown,
}

fn count_binding(i: usize) -> (String, Node) {
    let mut m = Map::default();
    m.insert("index".into(), Node::new(Value::Number(i as f64), None));
    ("count".into(), Node::new(Value::Map(m), None))
}

fn each_binding(key: &str, value: Node) -> (String, Node) {
    let mut m = Map::default();
    m.insert(
        "key".into(),
        Node::new(Value::String(key.to_string()), None),
    );
    m.insert("value".into(), value);
    ("each".into(), Node::new(Value::Map(m), None))
}

fn unknown_object(keys: &[&str]) -> Node {
    let m = keys
        .iter()
        .map(|k| {
            (
                k.to_string(),
                Node::unknown("instance key unknown before apply", None),
            )
        })
        .collect();
    Node::new(Value::Map(m), None)
}

/// `modules.json` key of a module call: `vpc`, `vpc.subnets` (instance keys dropped).
fn module_key(parent_address: &str, name: &str) -> String {
    let mut parts: Vec<String> = parent_address
        .split("module.")
        .filter(|s| !s.is_empty())
        .map(|s| {
            let s = s.trim_end_matches('.');
            s.split('[').next().unwrap_or(s).to_string()
        })
        .collect();
    parts.push(name.to_string());
    parts.join(".")
}

/// `# vigil:ignore` comments above or inside a block.
fn block_suppressions(file: &ParsedFile, block: &Block) -> Vec<Suppression> {
    let Some(range) = block.span() else {
        return Vec::new();
    };
    let first = file.position(range.start).line;
    let last = file.position(range.end.saturating_sub(1)).line;
    crate::suppress::for_block(&file.text, first, last, &["#", "//", "/*"])
}

/// Gives a value assigned at `site` its location: the top-level node takes the site's span
/// unless the value was written in another module (a module input points at the module call
/// that set it); nested nodes without a span take the site's.
pub(crate) fn place(v: Node, site: Option<Span>, site_file: u16, ev: &Evaluation<'_>) -> Node {
    let keep = match (v.span, site) {
        (Some(vs), Some(_)) if vs.file != site_file && vs.file != 0 => {
            super::parent_dir(ev.file_path(vs.file)) != super::parent_dir(ev.file_path(site_file))
        }
        _ => false,
    };
    let mut v = fill_spans(v, site);
    if !keep {
        v.span = site;
    }
    v
}

/// Blocks and attributes of a resource body that configure Terraform rather than the resource.
pub(crate) fn is_meta(structure: &Structure) -> bool {
    match structure {
        Structure::Attribute(a) => META_ARGUMENTS.contains(&a.key.as_str()),
        Structure::Block(b) => META_BLOCKS.contains(&b.ident.as_str()),
    }
}
