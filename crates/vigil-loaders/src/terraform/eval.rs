//! Expression evaluation with unknowns.
//!
//! Values are [`Node`]s, so every value keeps the span it was written at. A value that cannot be
//! known before apply (a resource attribute, a data source, a variable without a value) is
//! [`Value::Unknown`]; operations on an unknown are unknown, except where the other operand
//! decides (`false && x`, `true || x`) or both branches of a conditional agree. A reference to a
//! resource (`aws_s3_bucket.logs.id`) stays a typed [`Reference`], so rules can follow it.

use super::config::{is_meta, place, Evaluation};
use super::syntax::ParsedFile;
use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, ObjectKey, TraversalOperator, UnaryOperator,
};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Span as _;
use vigil_model::{Diagnostic, Level, Map, Node, Reference, Span, Value};

/// Evaluation state for one expression: which module instance and file it is written in, and
/// the names bound around it (`each`, `count`, `for` variables, `dynamic` iterators).
pub(crate) struct Scope<'e, 's> {
    pub ev: &'e Evaluation<'s>,
    pub inst: usize,
    pub file: &'s ParsedFile,
    pub bindings: Vec<(String, Node)>,
    depth: usize,
    /// `${...}` texts written for unknown parts of the template being rendered, with their
    /// values.
    placeholders: Vec<(String, Node)>,
}

impl<'e, 's> Scope<'e, 's> {
    pub fn new(ev: &'e Evaluation<'s>, inst: usize, file: &'s ParsedFile) -> Self {
        Scope {
            ev,
            inst,
            file,
            bindings: Vec::new(),
            depth: 0,
            placeholders: Vec::new(),
        }
    }

    pub(crate) fn span_of(&self, e: &impl hcl_edit::Span) -> Option<Span> {
        self.file.span(e.span())
    }

    fn warn(&self, at: Option<Span>, message: String) {
        self.ev.diag(Level::Warning, &self.file.path, at, message);
    }

    /// Evaluates an expression.
    pub fn eval(&mut self, e: &Expression) -> Node {
        let at = self.span_of(e);
        let steps = self.ev.steps.get() + 1;
        self.ev.steps.set(steps);
        if steps > self.ev.limits.max_steps {
            if steps == self.ev.limits.max_steps + 1 {
                self.warn(
                    at,
                    format!(
                        "evaluation stopped after {} steps (a `for` over a very large \
                         collection?); the rest of this configuration is treated as unknown",
                        self.ev.limits.max_steps
                    ),
                );
            }
            return Node::unknown("evaluation budget exhausted", at);
        }
        if self.depth >= self.ev.limits.max_expr_depth {
            if self.depth == self.ev.limits.max_expr_depth {
                self.warn(
                    at,
                    format!(
                        "expression nested more than {} levels deep; treated as unknown",
                        self.ev.limits.max_expr_depth
                    ),
                );
            }
            return Node::unknown("expression too deep", at);
        }
        self.depth += 1;
        let v = self.eval_inner(e, at);
        self.depth -= 1;
        v
    }

    fn eval_inner(&mut self, e: &Expression, at: Option<Span>) -> Node {
        let node = |v: Value| Node::new(v, at);
        match e {
            Expression::Null(_) => node(Value::Null),
            Expression::Bool(b) => node(Value::Bool(*b.value())),
            Expression::Number(n) => match n.value().as_f64() {
                Some(f) => node(Value::Number(f)),
                None => Node::unknown("number out of range", at),
            },
            Expression::String(s) => node(Value::String(s.value().clone())),
            Expression::Array(a) => {
                let items: Vec<Node> = a.iter().map(|x| self.eval(x)).collect();
                node(Value::List(items))
            }
            Expression::Object(o) => {
                let mut m = Map::default();
                for (k, v) in o.iter() {
                    let key = match k {
                        ObjectKey::Ident(id) => Some(id.as_str().to_string()),
                        // `(var.x) = ...` and `"a.b" = ...`; a bare identifier-like key in
                        // parentheses is an expression in Terraform.
                        ObjectKey::Expression(ke) => match ke {
                            Expression::Variable(id) => Some(id.as_str().to_string()),
                            _ => to_string(&self.eval(ke)),
                        },
                    };
                    let value = self.eval(v.expr());
                    match key {
                        Some(k) => {
                            m.insert(k, value);
                        }
                        None => return Node::unknown("object key known only after apply", at),
                    }
                }
                node(Value::Map(m))
            }
            Expression::StringTemplate(t) => self.template(t, at),
            Expression::HeredocTemplate(h) => self.template(&h.template, at),
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(v) => match self.binding(v.as_str()) {
                Some(b) => b,
                None => {
                    self.warn(at, format!("unknown name `{}`", v.as_str()));
                    Node::unknown(format!("unknown name {}", v.as_str()), at)
                }
            },
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr);
                match truth(&cond) {
                    Some(true) => self.eval(&c.true_expr),
                    Some(false) => self.eval(&c.false_expr),
                    None => {
                        let t = self.eval(&c.true_expr);
                        let f = self.eval(&c.false_expr);
                        if same(&t, &f) {
                            t
                        } else {
                            Node::unknown("condition known only after apply", at)
                        }
                    }
                }
            }
            Expression::FuncCall(f) => {
                let name = f.name.name.as_str();
                let full = if f.name.namespace.is_empty() {
                    name.to_string()
                } else {
                    let mut s: Vec<&str> = f.name.namespace.iter().map(|n| n.as_str()).collect();
                    s.push(name);
                    s.join("::")
                };
                let args: Vec<&Expression> = f.args.iter().collect();
                super::functions::call(self, &full, &args, f.args.expand_final(), at)
            }
            Expression::Traversal(t) => self.traversal(&t.expr, &t.operators, at),
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr);
                match (u.operator.value(), &v.value) {
                    (_, Value::Unknown(_)) => Node::unknown("operand known only after apply", at),
                    (UnaryOperator::Neg, _) => match as_number(&v) {
                        Some(n) => node(Value::Number(-n)),
                        None => self.type_error(at, "`-` expects a number"),
                    },
                    (UnaryOperator::Not, _) => match truth(&v) {
                        Some(b) => node(Value::Bool(!b)),
                        None => self.type_error(at, "`!` expects a bool"),
                    },
                }
            }
            Expression::BinaryOp(b) => {
                self.binary(*b.operator.value(), &b.lhs_expr, &b.rhs_expr, at)
            }
            Expression::ForExpr(f) => self.for_expr(f, at),
        }
    }

    fn type_error(&self, at: Option<Span>, message: &str) -> Node {
        self.warn(at, message.to_string());
        Node::unknown(message, at)
    }

    /// A name bound by `for`, `each`, `count` or a `dynamic` iterator, innermost first.
    fn binding(&self, name: &str) -> Option<Node> {
        self.bindings
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    fn binary(
        &mut self,
        op: BinaryOperator,
        lhs: &Expression,
        rhs: &Expression,
        at: Option<Span>,
    ) -> Node {
        use BinaryOperator as B;
        let l = self.eval(lhs);
        // `&&` and `||` decide on one side when they can.
        if matches!(op, B::And | B::Or) {
            let lt = truth(&l);
            if op == B::And && lt == Some(false) {
                return Node::new(Value::Bool(false), at);
            }
            if op == B::Or && lt == Some(true) {
                return Node::new(Value::Bool(true), at);
            }
            let r = self.eval(rhs);
            let rt = truth(&r);
            return match (op, lt, rt) {
                (B::And, _, Some(false)) => Node::new(Value::Bool(false), at),
                (B::Or, _, Some(true)) => Node::new(Value::Bool(true), at),
                (_, Some(a), Some(b)) => {
                    Node::new(Value::Bool(if op == B::And { a && b } else { a || b }), at)
                }
                _ => Node::unknown("operand known only after apply", at),
            };
        }
        let r = self.eval(rhs);
        if l.is_unknown() || r.is_unknown() {
            return Node::unknown("operand known only after apply", at);
        }
        match op {
            B::Eq | B::NotEq => {
                if matches!(l.value, Value::Reference(_)) || matches!(r.value, Value::Reference(_))
                {
                    return Node::unknown("compares a value known only after apply", at);
                }
                let eq = same(&l, &r);
                Node::new(Value::Bool(if op == B::Eq { eq } else { !eq }), at)
            }
            _ => {
                let (Some(a), Some(b)) = (as_number(&l), as_number(&r)) else {
                    if matches!(l.value, Value::Reference(_))
                        || matches!(r.value, Value::Reference(_))
                    {
                        return Node::unknown("operand known only after apply", at);
                    }
                    return self.type_error(at, &format!("`{}` expects numbers", op.as_str()));
                };
                let v = match op {
                    B::Less => Value::Bool(a < b),
                    B::LessEq => Value::Bool(a <= b),
                    B::Greater => Value::Bool(a > b),
                    B::GreaterEq => Value::Bool(a >= b),
                    B::Plus => Value::Number(a + b),
                    B::Minus => Value::Number(a - b),
                    B::Mul => Value::Number(a * b),
                    B::Div if b != 0.0 => Value::Number(a / b),
                    B::Mod if b != 0.0 => Value::Number(a % b),
                    _ => return self.type_error(at, "division by zero"),
                };
                Node::new(v, at)
            }
        }
    }

    fn for_expr(&mut self, f: &ForExpr, at: Option<Span>) -> Node {
        let collection = self.eval(&f.intro.collection_expr);
        let entries: Vec<(Node, Node)> = match &collection.value {
            Value::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Node::new(Value::Number(i as f64), v.span), v.clone()))
                .collect(),
            Value::Map(m) => m
                .iter()
                .map(|(k, v)| (Node::new(Value::String(k.clone()), v.span), v.clone()))
                .collect(),
            Value::Null => {
                return self.type_error(at, "`for` over null");
            }
            _ => return Node::unknown("`for` over a value known only after apply", at),
        };
        let key_name = f.intro.key_var.as_ref().map(|k| k.as_str().to_string());
        let value_name = f.intro.value_var.as_str().to_string();
        let mut list = Vec::new();
        let mut map = Map::default();
        let mut grouped: indexmap::IndexMap<String, Vec<Node>> = indexmap::IndexMap::new();
        let mut unknown = false;
        for (k, v) in entries {
            let mark = self.bindings.len();
            if let Some(kn) = &key_name {
                self.bindings.push((kn.clone(), k));
            }
            self.bindings.push((value_name.clone(), v));
            let keep = match &f.cond {
                Some(c) => truth(&self.eval(&c.expr)),
                None => Some(true),
            };
            match keep {
                Some(true) => match &f.key_expr {
                    None => list.push(self.eval(&f.value_expr)),
                    Some(ke) => {
                        let key = to_string(&self.eval(ke));
                        let value = self.eval(&f.value_expr);
                        match key {
                            Some(key) if f.grouping => grouped.entry(key).or_default().push(value),
                            Some(key) => {
                                map.insert(key, value);
                            }
                            None => unknown = true,
                        }
                    }
                },
                Some(false) => {}
                None => unknown = true,
            }
            self.bindings.truncate(mark);
            if list.len() + map.len() > self.ev.limits.max_collection {
                return self.type_error(at, "`for` result too large");
            }
            if self.ev.steps.get() > self.ev.limits.max_steps {
                return Node::unknown("evaluation budget exhausted", at);
            }
        }
        if unknown {
            return Node::unknown("`for` filter known only after apply", at);
        }
        if f.key_expr.is_some() {
            if f.grouping {
                for (k, items) in grouped {
                    map.insert(k, Node::new(Value::List(items), at));
                }
            }
            Node::new(Value::Map(map), at)
        } else {
            Node::new(Value::List(list), at)
        }
    }

    /// A string template: literals and interpolations joined; an unknown part makes the string
    /// unknown, and the message shows the template with that part still in `${...}`.
    pub fn template(&mut self, t: &Template, at: Option<Span>) -> Node {
        // A template that is a single interpolation keeps the value's type.
        if let Some(Element::Interpolation(i)) = t.as_single_element() {
            return self.eval(&i.expr);
        }
        let mut out = String::new();
        let mut known = true;
        let outer = std::mem::take(&mut self.placeholders);
        self.render(t, &mut out, &mut known);
        let placeholders = std::mem::replace(&mut self.placeholders, outer);
        if known {
            return Node::new(Value::String(out), at);
        }
        let message = format!("`{out}` is known only after apply");
        // A JSON document written as a template (a heredoc policy naming a bucket's ARN) is
        // still a document: its structure is remembered, the unknown parts unknown.
        let head = out.trim_start();
        if head.starts_with('{') || head.starts_with('[') {
            if let Ok(j) = serde_json::from_str::<serde_json::Value>(&out) {
                let tree = with_placeholders(super::functions::from_json(&j, at), &placeholders);
                self.ev
                    .json_sources
                    .borrow_mut()
                    .insert(message.clone(), tree);
            }
        }
        Node::unknown(message, at)
    }

    fn render(&mut self, t: &Template, out: &mut String, known: &mut bool) {
        for el in t.iter() {
            match el {
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => {
                    let v = self.eval(&i.expr);
                    match to_string(&v) {
                        Some(s) => out.push_str(&s),
                        None => {
                            *known = false;
                            let placeholder = format!("${{{}}}", describe(&v));
                            out.push_str(&placeholder);
                            self.placeholders.push((placeholder, v));
                        }
                    }
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(d) => {
                        let c = self.eval(&d.if_expr.cond_expr);
                        match truth(&c) {
                            Some(true) => self.render(&d.if_expr.template, out, known),
                            Some(false) => {
                                if let Some(e) = &d.else_expr {
                                    self.render(&e.template, out, known)
                                }
                            }
                            None => *known = false,
                        }
                    }
                    Directive::For(d) => {
                        let f = &d.for_expr;
                        let c = self.eval(&f.collection_expr);
                        let entries: Vec<(Node, Node)> = match &c.value {
                            Value::List(items) => items
                                .iter()
                                .enumerate()
                                .map(|(i, v)| (Node::new(Value::Number(i as f64), None), v.clone()))
                                .collect(),
                            Value::Map(m) => m
                                .iter()
                                .map(|(k, v)| {
                                    (Node::new(Value::String(k.clone()), None), v.clone())
                                })
                                .collect(),
                            _ => {
                                *known = false;
                                continue;
                            }
                        };
                        for (k, v) in entries {
                            let mark = self.bindings.len();
                            if let Some(kn) = &f.key_var {
                                self.bindings.push((kn.as_str().to_string(), k));
                            }
                            self.bindings.push((f.value_var.as_str().to_string(), v));
                            self.render(&f.template, out, known);
                            self.bindings.truncate(mark);
                            if out.len() > self.ev.limits.max_collection * 16 {
                                *known = false;
                                return;
                            }
                        }
                    }
                },
            }
        }
    }

    /// `root.op.op...`: variables, locals, module outputs, data sources and resource references.
    fn traversal(
        &mut self,
        root: &Expression,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        at: Option<Span>,
    ) -> Node {
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(id)) => Some(id.as_str()),
            _ => None,
        };
        if let Expression::Variable(v) = root {
            let name = v.as_str();
            if self.binding(name).is_none() {
                let (value, used) = match name {
                    "var" => match attr(0) {
                        Some(n) => (self.ev.variable(self.inst, n, at), 1),
                        None => (Node::unknown("var", at), ops.len()),
                    },
                    "local" => match attr(0) {
                        Some(n) => (self.ev.local(self.inst, n, at), 1),
                        None => (Node::unknown("local", at), ops.len()),
                    },
                    "module" => match attr(0) {
                        Some(n) => match attr(1) {
                            Some(o) => (self.ev.module_value(self.inst, n, Some(o), at), 2),
                            None => (self.ev.module_value(self.inst, n, None, at), 1),
                        },
                        None => (Node::unknown("module", at), ops.len()),
                    },
                    "data" => match (attr(0), attr(1)) {
                        (Some(t), Some(n)) => (self.ev.data(self.inst, t, n, at), 2),
                        _ => (Node::unknown("data", at), ops.len()),
                    },
                    "path" => {
                        let dir = self.ev.instance(self.inst).def.dir.clone();
                        let root_dir = self.ev.instance(0).def.dir.clone();
                        let dot = |d: String| if d.is_empty() { ".".to_string() } else { d };
                        let v = match attr(0) {
                            Some("module") => Value::String(dot(dir)),
                            Some("root") | Some("cwd") => Value::String(dot(root_dir)),
                            _ => Value::Unknown("path".into()),
                        };
                        (Node::new(v, at), 1)
                    }
                    "terraform" => match attr(0) {
                        Some("workspace") => (Node::new(Value::String("default".into()), at), 1),
                        _ => (Node::unknown("terraform", at), ops.len()),
                    },
                    "self" | "count" | "each" => (
                        Node::unknown(format!("`{name}` known only after apply"), at),
                        ops.len(),
                    ),
                    t if self.ev.instance(self.inst).def.resource_types.contains(t) => {
                        return self.resource_reference(t, ops, at);
                    }
                    _ => {
                        self.warn(
                            at,
                            format!("unknown name `{name}`: not a variable, local, module, data source or resource of this module"),
                        );
                        (Node::unknown(format!("unknown name {name}"), at), ops.len())
                    }
                };
                return self.apply_ops(value, &ops[used.min(ops.len())..], at);
            }
        }
        let base = self.eval(root);
        self.apply_ops(base, ops, at)
    }

    /// `aws_s3_bucket.logs[0].arn` → a reference to `aws_s3_bucket.logs[0]`, attribute `arn`.
    fn resource_reference(
        &mut self,
        tf_type: &str,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        at: Option<Span>,
    ) -> Node {
        let Some(TraversalOperator::GetAttr(name)) = ops.first().map(|o| o.value()) else {
            return Node::unknown(format!("{tf_type} known only after apply"), at);
        };
        let mut target = format!(
            "{}{tf_type}.{}",
            self.ev.instance(self.inst).prefix(),
            name.as_str()
        );
        let mut i = 1;
        match ops.get(1).map(|o| o.value()) {
            Some(TraversalOperator::Index(e)) => {
                let k = self.eval(e);
                match &k.value {
                    Value::Number(n) => target.push_str(&format!("[{}]", *n as i64)),
                    Value::String(s) => target.push_str(&format!("[{s:?}]")),
                    _ => return Node::unknown(format!("{target}[?] known only after apply"), at),
                }
                i = 2;
            }
            Some(TraversalOperator::LegacyIndex(n)) => {
                target.push_str(&format!("[{}]", n.value()));
                i = 2;
            }
            Some(TraversalOperator::AttrSplat(_)) | Some(TraversalOperator::FullSplat(_)) => {
                return Node::unknown(format!("{target}[*] known only after apply"), at);
            }
            _ => {}
        }
        let attribute = match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(a)) => Some(a.as_str().to_string()),
            _ => None,
        };
        if ops.len() > i + 1 {
            return Node::unknown(format!("{target} attribute known only after apply"), at);
        }
        Node::new(Value::Reference(Reference { target, attribute }), at)
    }

    fn apply_ops(
        &mut self,
        mut value: Node,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        at: Option<Span>,
    ) -> Node {
        for (i, op) in ops.iter().enumerate() {
            if value.is_unknown() {
                return value;
            }
            if let Value::Reference(r) = &value.value {
                // A resource instance (`each.value` over another resource): its attribute is a
                // reference too. An attribute of an attribute is known only after apply.
                if let (None, TraversalOperator::GetAttr(name)) = (&r.attribute, op.value()) {
                    value = Node::new(
                        Value::Reference(Reference {
                            target: r.target.clone(),
                            attribute: Some(name.as_str().to_string()),
                        }),
                        at,
                    );
                    continue;
                }
                return Node::unknown(format!("{} known only after apply", r.target), at);
            }
            value = match op.value() {
                TraversalOperator::GetAttr(name) => match &value.value {
                    // Variables typed `object({ x = optional(...) })` get their missing attributes
                    // from the type, which is not applied here: unknown, quietly.
                    Value::Map(m) => match m.get(name.as_str()) {
                        Some(v) => v.clone(),
                        None => {
                            return Node::unknown(format!("no attribute `{}`", name.as_str()), at)
                        }
                    },
                    Value::Null => return Node::unknown("attribute of null", at),
                    _ => return Node::unknown(format!("attribute {}", name.as_str()), at),
                },
                TraversalOperator::Index(e) => {
                    let k = self.eval(e);
                    index(&value, &k, at)
                }
                TraversalOperator::LegacyIndex(n) => index(
                    &value,
                    &Node::new(Value::Number(*n.value() as f64), None),
                    at,
                ),
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match &value.value {
                        Value::List(items) => items.clone(),
                        Value::Null => Vec::new(),
                        _ => vec![value.clone()],
                    };
                    let rest = &ops[i + 1..];
                    let out = items
                        .into_iter()
                        .map(|item| self.apply_ops(item, rest, at))
                        .collect();
                    return Node::new(Value::List(out), at);
                }
            };
        }
        value
    }

    /// A block body as a map: attributes by name, nested blocks as lists of maps under their
    /// type, `dynamic` blocks expanded, Terraform's meta-arguments (`count`, `lifecycle`, ...)
    /// left out. `span` is the block's first line.
    pub fn resource_body(&mut self, body: &Body, span: Option<Span>) -> Node {
        self.body_filtered(body, span, true)
    }

    fn body_filtered(&mut self, body: &Body, span: Option<Span>, skip_meta: bool) -> Node {
        let mut m = Map::default();
        for s in body.iter() {
            if skip_meta && is_meta(s) {
                continue;
            }
            match s {
                Structure::Attribute(a) => {
                    let v = self.eval(&a.value);
                    let site = self.file.head_span(a.span());
                    m.insert(a.key.to_string(), place(v, site, self.file.id, self.ev));
                }
                Structure::Block(b) if b.ident.as_str() == "dynamic" => {
                    let Some(name) = b.labels.first().map(|l| l.as_str().to_string()) else {
                        continue;
                    };
                    let expanded = self.dynamic(b);
                    let entry = m.entry(name).or_insert_with(|| {
                        Node::new(Value::List(Vec::new()), self.file.head_span(b.span()))
                    });
                    match (&mut entry.value, expanded) {
                        (Value::List(l), Some(items)) => l.extend(items),
                        (_, None) => {
                            *entry = Node::unknown(
                                "dynamic block known only after apply",
                                self.file.head_span(b.span()),
                            )
                        }
                        _ => {}
                    }
                }
                Structure::Block(b) => {
                    let head = self.file.head_span(b.span());
                    let inner = self.body_filtered(&b.body, head, false);
                    let entry = m
                        .entry(b.ident.to_string())
                        .or_insert_with(|| Node::new(Value::List(Vec::new()), head));
                    if let Value::List(l) = &mut entry.value {
                        l.push(inner);
                    }
                }
            }
        }
        Node::new(Value::Map(m), span)
    }

    /// Expands a `dynamic "name" { for_each = ..., content { ... } }` block into its blocks;
    /// `None` when `for_each` is unknown.
    fn dynamic(&mut self, b: &hcl_edit::structure::Block) -> Option<Vec<Node>> {
        let name = b.labels.first()?.as_str().to_string();
        let each = b.body.get_attribute("for_each")?;
        let iterator = b
            .body
            .get_attribute("iterator")
            .and_then(|a| match &a.value {
                Expression::Variable(v) => Some(v.as_str().to_string()),
                _ => None,
            })
            .unwrap_or(name);
        let content = b.body.get_blocks("content").next()?;
        let collection = self.eval(&each.value);
        let entries: Vec<(Node, Node)> = match &collection.value {
            Value::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Node::new(Value::Number(i as f64), None), v.clone()))
                .collect(),
            Value::Map(m) => m
                .iter()
                .map(|(k, v)| (Node::new(Value::String(k.clone()), None), v.clone()))
                .collect(),
            Value::Null => Vec::new(),
            _ => return None,
        };
        let head = self.file.head_span(content.span());
        let mut out = Vec::new();
        for (k, v) in entries {
            let mut it = Map::default();
            it.insert("key".into(), k);
            it.insert("value".into(), v);
            self.bindings
                .push((iterator.clone(), Node::new(Value::Map(it), None)));
            out.push(self.body_filtered(&content.body, head, false));
            self.bindings.pop();
        }
        Some(out)
    }
}

/// A JSON tree rendered from a template with unknown parts: a string that is exactly one
/// placeholder becomes that part's value (a reference stays a reference); a string holding one
/// is unknown.
fn with_placeholders(mut n: Node, placeholders: &[(String, Node)]) -> Node {
    match &mut n.value {
        Value::String(s) if s.contains("${") => {
            let span = n.span;
            return match placeholders.iter().find(|(p, _)| p == s) {
                Some((_, v)) => Node::new(v.value.clone(), span),
                None => Node::unknown(format!("`{s}` is known only after apply"), span),
            };
        }
        Value::List(items) => {
            for i in items.iter_mut() {
                *i = with_placeholders(
                    std::mem::replace(i, Node::new(Value::Null, None)),
                    placeholders,
                );
            }
        }
        Value::Map(m) => {
            for (_, i) in m.iter_mut() {
                *i = with_placeholders(
                    std::mem::replace(i, Node::new(Value::Null, None)),
                    placeholders,
                );
            }
        }
        _ => {}
    }
    n
}

/// `collection[key]`.
fn index(value: &Node, key: &Node, at: Option<Span>) -> Node {
    if key.is_unknown() {
        return Node::unknown("index known only after apply", at);
    }
    match &value.value {
        Value::List(items) => match as_number(key) {
            Some(n) if n >= 0.0 && (n as usize) < items.len() => items[n as usize].clone(),
            _ => Node::unknown("index out of range", at),
        },
        Value::Map(m) => match to_string(key).and_then(|k| m.get(&k)) {
            Some(v) => v.clone(),
            None => Node::unknown("no such key", at),
        },
        _ => Node::unknown("index of a value known only after apply", at),
    }
}

/// Evaluates a constant expression (a `.tfvars` value): literals, lists, objects, templates
/// without interpolation, negative numbers. Anything else is unknown, with a diagnostic.
pub(crate) fn constant(e: &Expression, file: &ParsedFile, diags: &mut Vec<Diagnostic>) -> Node {
    let at = file.span(e.span());
    match e {
        Expression::Null(_) => Node::new(Value::Null, at),
        Expression::Bool(b) => Node::new(Value::Bool(*b.value()), at),
        Expression::Number(n) => match n.value().as_f64() {
            Some(f) => Node::new(Value::Number(f), at),
            None => Node::unknown("number", at),
        },
        Expression::String(s) => Node::new(Value::String(s.value().clone()), at),
        Expression::Array(a) => Node::new(
            Value::List(a.iter().map(|x| constant(x, file, diags)).collect()),
            at,
        ),
        Expression::Object(o) => {
            let mut m = Map::default();
            for (k, v) in o.iter() {
                let key = match k {
                    ObjectKey::Ident(id) => id.as_str().to_string(),
                    ObjectKey::Expression(Expression::Variable(id)) => id.as_str().to_string(),
                    ObjectKey::Expression(ke) => match to_string(&constant(ke, file, diags)) {
                        Some(s) => s,
                        None => continue,
                    },
                };
                m.insert(key, constant(v.expr(), file, diags));
            }
            Node::new(Value::Map(m), at)
        }
        Expression::StringTemplate(t) => literal_template(t, at),
        Expression::HeredocTemplate(h) => literal_template(&h.template, at),
        Expression::Parenthesis(p) => constant(p.inner(), file, diags),
        Expression::UnaryOp(u) if *u.operator.value() == UnaryOperator::Neg => {
            match as_number(&constant(&u.expr, file, diags)) {
                Some(n) => Node::new(Value::Number(-n), at),
                None => Node::unknown("not a number", at),
            }
        }
        _ => {
            diags.push(Diagnostic {
                level: Level::Warning,
                path: file.path.clone(),
                line: at.map(|s| s.start.line).unwrap_or(0),
                column: at.map(|s| s.start.column).unwrap_or(0),
                message: "variable files hold literal values only; this one is treated as unknown"
                    .into(),
            });
            Node::unknown("not a literal", at)
        }
    }
}

fn literal_template(t: &Template, at: Option<Span>) -> Node {
    let mut out = String::new();
    for el in t.iter() {
        match el {
            Element::Literal(s) => out.push_str(s.value()),
            _ => return Node::unknown("template in a variable file", at),
        }
    }
    Node::new(Value::String(out), at)
}

/// A bool, also from the strings `"true"` / `"false"` (Terraform converts them).
pub(crate) fn truth(v: &Node) -> Option<bool> {
    match &v.value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

/// A number, also from a numeric string.
pub(crate) fn as_number(v: &Node) -> Option<f64> {
    match &v.value {
        Value::Number(n) => Some(*n),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A primitive as Terraform converts it to a string; `None` for unknowns, references,
/// collections and null.
pub(crate) fn to_string(v: &Node) -> Option<String> {
    match &v.value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(number_text(*n)),
        _ => None,
    }
}

pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// How an unknown part of a template is shown: `aws_s3_bucket.x.arn`, or `?`.
fn describe(v: &Node) -> String {
    match &v.value {
        Value::Reference(r) => match &r.attribute {
            Some(a) => format!("{}.{a}", r.target),
            None => r.target.clone(),
        },
        _ => "?".into(),
    }
}

/// Equality of values, ignoring where they were written.
pub(crate) fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Number(_), Value::String(_)) | (Value::String(_), Value::Number(_)) => {
            to_string(a) == to_string(b)
        }
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => false,
        (x, y) => x == y,
    }
}

/// Drops every span: for values whose own location is not where a finding should point
/// (variable defaults, `.tfvars`), so the place they are used gives it.
pub(crate) fn strip_spans(mut v: Node) -> Node {
    v.span = None;
    match &mut v.value {
        Value::List(items) => {
            for i in items.iter_mut() {
                *i = strip_spans(std::mem::replace(i, Node::new(Value::Null, None)));
            }
        }
        Value::Map(m) => {
            for (_, i) in m.iter_mut() {
                *i = strip_spans(std::mem::replace(i, Node::new(Value::Null, None)));
            }
        }
        _ => {}
    }
    v
}

/// Gives every node without a span the span `at`.
pub(crate) fn fill_spans(mut v: Node, at: Option<Span>) -> Node {
    if v.span.is_none() {
        v.span = at;
    }
    match &mut v.value {
        Value::List(items) => {
            for i in items.iter_mut() {
                if needs_fill(i) {
                    *i = fill_spans(std::mem::replace(i, Node::new(Value::Null, None)), at);
                }
            }
        }
        Value::Map(m) => {
            for (_, i) in m.iter_mut() {
                if needs_fill(i) {
                    *i = fill_spans(std::mem::replace(i, Node::new(Value::Null, None)), at);
                }
            }
        }
        _ => {}
    }
    v
}

fn needs_fill(v: &Node) -> bool {
    v.span.is_none() || matches!(v.value, Value::List(_) | Value::Map(_))
}
