//! CEL expressions, compiled once and evaluated over resources with three-valued logic.
//!
//! The syntax is standard CEL (parsed by the `cel` crate); evaluation is Vigil's own, because
//! rules need what a general CEL interpreter does not give: values unknown before deployment
//! (`true || unknown` is true, `false && unknown` is false, anything else on an unknown is
//! unknown), lazy views into resource trees without copying, the source node a value came from,
//! and CloudFormation's loose scalars (`"22" == 22`, `"true" == true`).

use crate::functions;
use std::borrow::Cow;
use std::collections::BTreeMap;
use vigil_model::{Node, Reference, Resource, Value};

/// A compiled expression.
#[derive(Debug, Clone)]
pub enum Expr {
    Null,
    Bool(bool),
    Int(i64),
    Double(f64),
    Str(String),
    Ident(String),
    Select {
        operand: Box<Expr>,
        field: String,
        /// `has(operand.field)`.
        test: bool,
    },
    Call {
        func: String,
        target: Option<Box<Expr>>,
        args: Vec<Expr>,
    },
    List(Vec<Expr>),
    Map(Vec<(Expr, Expr)>),
    Comprehension(Box<Comprehension>),
}

#[derive(Debug, Clone)]
pub struct Comprehension {
    pub range: Expr,
    pub iter_var: String,
    pub iter_var2: Option<String>,
    pub accu_var: String,
    pub accu_init: Expr,
    pub loop_cond: Expr,
    pub loop_step: Expr,
    pub result: Expr,
    /// Set when `loop_step` appends to a list accumulator, as `map()` and `filter()` expand
    /// (`accu + [element]`, or `cond ? accu + [element] : accu`): evaluated in place.
    pub append: Option<Append>,
}

/// An appending step: the condition (for `filter()`) and the element added.
#[derive(Debug, Clone)]
pub struct Append {
    pub cond: Option<Expr>,
    pub element: Expr,
}

impl Comprehension {
    fn append_step(&self) -> Option<Append> {
        if self.iter_var2.is_some() || !matches!(self.loop_cond, Expr::Bool(true)) {
            return None;
        }
        let is_accu = |e: &Expr| matches!(e, Expr::Ident(n) if *n == self.accu_var);
        let appended = |e: &Expr| -> Option<Expr> {
            match e {
                Expr::Call {
                    func,
                    target: None,
                    args,
                } if func == "_+_" && args.len() == 2 && is_accu(&args[0]) => match &args[1] {
                    Expr::List(items) if items.len() == 1 => Some(items[0].clone()),
                    _ => None,
                },
                _ => None,
            }
        };
        let (cond, element) = match &self.loop_step {
            Expr::Call {
                func,
                target: None,
                args,
            } if func == "_?_:_" && args.len() == 3 && is_accu(&args[2]) => {
                (Some(args[0].clone()), appended(&args[1])?)
            }
            step => (None, appended(step)?),
        };
        let mentions = |e: &Expr| mentions(e, &self.accu_var);
        if cond.as_ref().is_some_and(mentions) || mentions(&element) {
            return None;
        }
        Some(Append { cond, element })
    }
}

/// Whether `e` names the variable `name` anywhere.
fn mentions(e: &Expr, name: &str) -> bool {
    match e {
        Expr::Ident(n) => n == name,
        Expr::Select { operand, .. } => mentions(operand, name),
        Expr::Call { target, args, .. } => {
            target.as_deref().is_some_and(|t| mentions(t, name))
                || args.iter().any(|a| mentions(a, name))
        }
        Expr::List(items) => items.iter().any(|i| mentions(i, name)),
        Expr::Map(entries) => entries
            .iter()
            .any(|(k, v)| mentions(k, name) || mentions(v, name)),
        Expr::Comprehension(c) => [
            &c.range,
            &c.accu_init,
            &c.loop_cond,
            &c.loop_step,
            &c.result,
        ]
        .iter()
        .any(|x| mentions(x, name)),
        Expr::Null | Expr::Bool(_) | Expr::Int(_) | Expr::Double(_) | Expr::Str(_) => false,
    }
}

/// Variables a rule's expressions may name, besides comprehension variables.
pub const ROOT_VARIABLES: [&str; 3] = ["resource", "props", "item"];

/// Parses and compiles a CEL expression; the error names what is wrong and where.
pub fn compile(source: &str) -> Result<Expr, String> {
    let parsed = cel::parser::Parser::new()
        .enable_optional_syntax(true)
        .parse(source)
        .map_err(|e| {
            e.errors
                .iter()
                .map(|e| {
                    e.to_string()
                        .replace("ERROR: <input>:", "syntax error at line:column ")
                })
                .collect::<Vec<_>>()
                .join("; ")
        })?;
    let expr = lower(&parsed)?;
    check_names(&expr, &mut Vec::new())?;
    Ok(expr)
}

fn lower(e: &cel::IdedExpr) -> Result<Expr, String> {
    use cel::common::ast::{EntryExpr, Expr as C, LiteralValue as L};
    Ok(match &e.expr {
        C::Unspecified => return Err("empty expression".into()),
        C::Literal(l) => match l {
            L::Boolean(b) => Expr::Bool(*b.inner()),
            L::Int(i) => Expr::Int(*i.inner()),
            L::UInt(u) => Expr::Int(*u.inner() as i64),
            L::Double(d) => Expr::Double(*d.inner()),
            L::String(s) => Expr::Str(s.inner().to_string()),
            L::Null => Expr::Null,
            L::Bytes(_) => return Err("bytes literals are not supported".into()),
        },
        C::Ident(name) => Expr::Ident(name.clone()),
        C::Select(s) => Expr::Select {
            operand: Box::new(lower(&s.operand)?),
            field: s.field.clone(),
            test: s.test,
        },
        C::Call(c) => {
            let target = match &c.target {
                Some(t) => Some(Box::new(lower(t)?)),
                None => None,
            };
            let args = c.args.iter().map(lower).collect::<Result<Vec<_>, _>>()?;
            if target.is_none() && !functions::is_global(&c.func_name) {
                return Err(format!("unknown function `{}`", c.func_name));
            }
            if target.is_some() && !functions::is_member(&c.func_name) {
                return Err(format!("unknown method `.{}()`", c.func_name));
            }
            Expr::Call {
                func: c.func_name.clone(),
                target,
                args,
            }
        }
        C::List(l) => Expr::List(l.elements.iter().map(lower).collect::<Result<_, _>>()?),
        C::Map(m) => Expr::Map(
            m.entries
                .iter()
                .map(|entry| match &entry.expr {
                    EntryExpr::MapEntry(me) => Ok((lower(&me.key)?, lower(&me.value)?)),
                    EntryExpr::StructField(_) => {
                        Err("struct literals are not supported".to_string())
                    }
                })
                .collect::<Result<_, _>>()?,
        ),
        C::Struct(_) => return Err("struct literals are not supported".into()),
        C::Comprehension(c) => {
            let mut lowered = Comprehension {
                range: lower(&c.iter_range)?,
                iter_var: c.iter_var.clone(),
                iter_var2: c.iter_var2.clone(),
                accu_var: c.accu_var.clone(),
                accu_init: lower(&c.accu_init)?,
                loop_cond: lower(&c.loop_cond)?,
                loop_step: lower(&c.loop_step)?,
                result: lower(&c.result)?,
                append: None,
            };
            lowered.append = lowered.append_step();
            Expr::Comprehension(Box::new(lowered))
        }
    })
}

fn check_names(e: &Expr, bound: &mut Vec<String>) -> Result<(), String> {
    match e {
        Expr::Ident(n)
            if !ROOT_VARIABLES.contains(&n.as_str()) && !bound.iter().any(|b| b == n) =>
        {
            return Err(format!(
                "unknown variable `{n}`: a rule can name `resource`, `props` and, with `each`, `item`"
            ));
        }
        Expr::Select { operand, .. } => check_names(operand, bound)?,
        Expr::Call { target, args, .. } => {
            if let Some(t) = target {
                check_names(t, bound)?;
            }
            for a in args {
                check_names(a, bound)?;
            }
        }
        Expr::List(l) => {
            for x in l {
                check_names(x, bound)?;
            }
        }
        Expr::Map(m) => {
            for (k, v) in m {
                check_names(k, bound)?;
                check_names(v, bound)?;
            }
        }
        Expr::Comprehension(c) => {
            check_names(&c.range, bound)?;
            check_names(&c.accu_init, bound)?;
            let n = bound.len();
            bound.push(c.iter_var.clone());
            if let Some(v) = &c.iter_var2 {
                bound.push(v.clone());
            }
            bound.push(c.accu_var.clone());
            check_names(&c.loop_cond, bound)?;
            check_names(&c.loop_step, bound)?;
            check_names(&c.result, bound)?;
            bound.truncate(n);
        }
        _ => {}
    }
    Ok(())
}

/// A value during evaluation. Tree values are borrowed views ([`Val::Node`]), never copied.
#[derive(Debug, Clone)]
pub enum Val<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Double(f64),
    Str(Cow<'a, str>),
    List(Vec<Val<'a>>),
    Map(BTreeMap<String, Val<'a>>),
    /// A list or map inside a resource's properties (scalars are unwrapped on read).
    Node(&'a Node),
    /// A value made by a function (a policy parsed from a JSON string): owned, not borrowed.
    Owned(std::rc::Rc<Node>),
    Resource(&'a Resource),
    Ref(&'a Reference),
    /// Known only at deployment.
    Unknown,
    /// A missing field or an ill-typed operation: CEL's error value. Never true.
    Absent,
}

impl<'a> Val<'a> {
    /// Unwraps scalar nodes into plain values; lists and maps stay views.
    pub fn from_node(n: &'a Node) -> Val<'a> {
        match &n.value {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(x) => number(*x),
            Value::String(s) => Val::Str(Cow::Borrowed(s)),
            Value::List(_) | Value::Map(_) => Val::Node(n),
            Value::Reference(r) => Val::Ref(r),
            Value::Unknown(_) => Val::Unknown,
        }
    }

    pub fn is_true(&self) -> bool {
        matches!(self, Val::Bool(true))
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Val::Unknown)
    }

    /// The node behind this value, if it is a view into a tree.
    pub fn node(&self) -> Option<&Node> {
        match self {
            Val::Node(n) => Some(n),
            Val::Owned(n) => Some(n),
            _ => None,
        }
    }

    /// Items of a list value, or `None` if not a (known) list.
    pub fn items(&self) -> Option<Vec<Val<'a>>> {
        match self {
            Val::List(l) => Some(l.clone()),
            Val::Node(n) => n.as_list().map(|l| l.iter().map(Val::from_node).collect()),
            Val::Owned(n) => n
                .as_list()
                .map(|l| l.iter().map(|x| owned_child(n, x)).collect()),
            _ => None,
        }
    }

    /// The field `key` of a map value: `Absent` if missing, `Unknown` if the map is unknown.
    pub fn field(&self, key: &str) -> Val<'a> {
        match self {
            Val::Map(m) => m.get(key).cloned().unwrap_or(Val::Absent),
            Val::Node(n) => match n.as_map() {
                Some(m) => m.get(key).map(Val::from_node).unwrap_or(Val::Absent),
                None => Val::Absent,
            },
            Val::Owned(n) => match n.get(key) {
                Some(c) => owned_child(n, c),
                None => Val::Absent,
            },
            Val::Resource(r) => match key {
                "kind" => Val::Str(Cow::Borrowed(&r.kind)),
                "address" => Val::Str(Cow::Borrowed(&r.address)),
                "properties" => Val::from_node(&r.properties),
                "tags" => Val::Map(
                    r.tags
                        .iter()
                        .map(|(k, v)| (k.clone(), Val::Str(Cow::Borrowed(v.as_str()))))
                        .collect(),
                ),
                _ => Val::Absent,
            },
            Val::Unknown | Val::Ref(_) => Val::Unknown,
            _ => Val::Absent,
        }
    }

    fn has_field(&self, key: &str) -> Val<'a> {
        match self {
            Val::Map(m) => Val::Bool(m.contains_key(key)),
            Val::Node(n) => Val::Bool(n.get(key).is_some()),
            Val::Owned(n) => Val::Bool(n.get(key).is_some()),
            Val::Resource(_) => Val::Bool(!matches!(self.field(key), Val::Absent)),
            Val::Unknown | Val::Ref(_) => Val::Unknown,
            _ => Val::Absent,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A number, reading numeric strings as CloudFormation does.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Val::Int(i) => Some(*i as f64),
            Val::Double(d) => Some(*d),
            Val::Str(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
    }

    /// Whether the value is still undetermined (unknown, or a reference whose value is unknown).
    pub fn undetermined(&self) -> bool {
        matches!(self, Val::Unknown | Val::Ref(_))
    }
}

/// A child of an owned node, kept owned.
fn owned_child<'a>(_parent: &std::rc::Rc<Node>, child: &Node) -> Val<'a> {
    match &child.value {
        Value::Null => Val::Null,
        Value::Bool(b) => Val::Bool(*b),
        Value::Number(x) => number(*x),
        Value::String(s) => Val::Str(Cow::Owned(s.clone())),
        Value::List(_) | Value::Map(_) => Val::Owned(std::rc::Rc::new(child.clone())),
        Value::Reference(_) | Value::Unknown(_) => Val::Unknown,
    }
}

fn number<'a>(x: f64) -> Val<'a> {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Val::Int(x as i64)
    } else {
        Val::Double(x)
    }
}

/// What expressions can see besides their variables: the resources of the same file or stack.
pub struct Scope<'a, 'i> {
    pub resource: &'a Resource,
    pub stack: &'i StackIndex<'a>,
}

/// The resources of one file or stack, indexed once so that following references stays linear.
#[derive(Default)]
pub struct StackIndex<'a> {
    by_kind: std::collections::HashMap<&'a str, Vec<&'a Resource>>,
    by_address: std::collections::HashMap<&'a str, &'a Resource>,
}

impl<'a> StackIndex<'a> {
    pub fn new(stack: &'a [Resource]) -> Self {
        let mut index = StackIndex::default();
        for r in stack {
            index.by_kind.entry(r.kind.as_str()).or_default().push(r);
            index.by_address.entry(r.address.as_str()).or_insert(r);
        }
        index
    }

    pub fn of_kind(&self, kind: &str) -> &[&'a Resource] {
        self.by_kind.get(kind).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn at(&self, address: &str) -> Option<&'a Resource> {
        self.by_address.get(address).copied()
    }
}

/// Evaluation state: the scope and the variables in force.
///
/// Variable names borrow from the compiled expressions (`'e`): binding one, which happens for
/// every item of every `exists()`, allocates nothing.
pub struct Env<'a, 's, 'e> {
    pub scope: &'s Scope<'a, 's>,
    vars: Vec<(&'e str, Val<'a>)>,
}

impl<'a, 's, 'e: 'a> Env<'a, 's, 'e> {
    pub fn new(scope: &'s Scope<'a, 's>) -> Self {
        let r = scope.resource;
        Env {
            scope,
            vars: vec![
                ("resource", Val::Resource(r)),
                ("props", Val::from_node(&r.properties)),
            ],
        }
    }

    pub fn bind(&mut self, name: &'e str, v: Val<'a>) {
        self.vars.push((name, v));
    }

    pub fn unbind(&mut self) {
        self.vars.pop();
    }

    fn lookup(&self, name: &str) -> Val<'a> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or(Val::Absent)
    }

    /// Evaluates `e`. Never panics; ill-typed operations give [`Val::Absent`].
    pub fn eval(&mut self, e: &'e Expr) -> Val<'a> {
        match e {
            Expr::Null => Val::Null,
            Expr::Bool(b) => Val::Bool(*b),
            Expr::Int(i) => Val::Int(*i),
            Expr::Double(d) => Val::Double(*d),
            Expr::Str(s) => Val::Str(Cow::Borrowed(s)),
            Expr::Ident(n) => self.lookup(n),
            Expr::Select {
                operand,
                field,
                test,
            } => {
                let v = self.eval(operand);
                if *test {
                    v.has_field(field)
                } else {
                    v.field(field)
                }
            }
            Expr::List(items) => Val::List(items.iter().map(|x| self.eval(x)).collect()),
            Expr::Map(entries) => {
                let mut m = BTreeMap::new();
                for (k, v) in entries {
                    let k = self.eval(k);
                    let v = self.eval(v);
                    match k {
                        Val::Str(s) => {
                            m.insert(s.into_owned(), v);
                        }
                        _ => return Val::Absent,
                    }
                }
                Val::Map(m)
            }
            Expr::Comprehension(c) => self.comprehension(c),
            Expr::Call { func, target, args } => self.call(func, target.as_deref(), args),
        }
    }

    fn comprehension(&mut self, c: &'e Comprehension) -> Val<'a> {
        let range = self.eval(&c.range);
        let items: Vec<(Val<'a>, Val<'a>)> = match &range {
            Val::Unknown | Val::Ref(_) => return Val::Unknown,
            Val::Map(m) => m
                .iter()
                .map(|(k, v)| (Val::Str(Cow::Owned(k.clone())), v.clone()))
                .collect(),
            Val::Node(n) if n.as_map().is_some() => n
                .as_map()
                .unwrap()
                .iter()
                .map(|(k, v)| (Val::Str(Cow::Borrowed(k.as_str())), Val::from_node(v)))
                .collect(),
            // A map parsed from a JSON string (a policy written as a string) is owned.
            Val::Owned(n) if n.as_map().is_some() => {
                let keys: Vec<String> = n.as_map().unwrap().keys().cloned().collect();
                keys.into_iter()
                    .map(|k| {
                        let v = range.field(&k);
                        (Val::Str(Cow::Owned(k)), v)
                    })
                    .collect()
            }
            other => match other.items() {
                Some(items) => items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (Val::Int(i as i64), v))
                    .collect(),
                None => return Val::Absent,
            },
        };
        // With two variables CEL binds (index or key, value); with one, the value for lists
        // and the key for maps.
        let is_map =
            matches!(range, Val::Map(_)) || range.node().is_some_and(|n| n.as_map().is_some());
        let mut accu = self.eval(&c.accu_init);
        for (key, value) in items {
            // `filter()` and `map()` append to a list: done in place, where the general step
            // would copy the whole list at every item.
            if let (Some(Append { cond, element }), Val::List(list)) = (&c.append, &mut accu) {
                self.bind(&c.iter_var, if is_map { key } else { value });
                let keep = match cond {
                    None => Val::Bool(true),
                    Some(cond) => self.eval(cond),
                };
                match keep {
                    Val::Bool(true) => {
                        let v = self.eval(element);
                        list.push(v);
                    }
                    Val::Bool(false) => {}
                    // Unknown or ill-typed: the general step decides, as before.
                    _ => {
                        self.bind(&c.accu_var, accu.clone());
                        accu = self.eval(&c.loop_step);
                        self.unbind();
                    }
                }
                self.unbind();
                continue;
            }
            let pushed = if let Some(v2) = &c.iter_var2 {
                self.bind(&c.iter_var, key);
                self.bind(v2, value);
                2
            } else {
                self.bind(&c.iter_var, if is_map { key } else { value });
                1
            };
            self.bind(&c.accu_var, accu.clone());
            let go_on = self.eval(&c.loop_cond);
            let proceed = !matches!(go_on, Val::Bool(false));
            if proceed {
                accu = self.eval(&c.loop_step);
            }
            for _ in 0..=pushed {
                self.unbind();
            }
            if !proceed {
                break;
            }
        }
        self.bind(&c.accu_var, accu);
        let r = self.eval(&c.result);
        self.unbind();
        r
    }

    fn call(&mut self, func: &str, target: Option<&'e Expr>, args: &'e [Expr]) -> Val<'a> {
        match func {
            "_&&_" => {
                let a = self.eval(&args[0]);
                if matches!(a, Val::Bool(false)) {
                    return Val::Bool(false);
                }
                let b = self.eval(&args[1]);
                and(a, b)
            }
            "_||_" => {
                let a = self.eval(&args[0]);
                if a.is_true() {
                    return a;
                }
                let b = self.eval(&args[1]);
                or(a, b)
            }
            "_?_:_" => {
                let c = self.eval(&args[0]);
                match c {
                    Val::Bool(true) => self.eval(&args[1]),
                    Val::Bool(false) => self.eval(&args[2]),
                    Val::Unknown | Val::Ref(_) => {
                        let a = self.eval(&args[1]);
                        let b = self.eval(&args[2]);
                        match equal(&a, &b) {
                            Val::Bool(true) => a,
                            _ => Val::Unknown,
                        }
                    }
                    _ => Val::Absent,
                }
            }
            "_?._" => {
                let v = self.eval(&args[0]);
                match &args[1] {
                    Expr::Str(f) => v.field(f),
                    _ => Val::Absent,
                }
            }
            _ => {
                let mut vals = Vec::with_capacity(args.len() + 1);
                if let Some(t) = target {
                    vals.push(self.eval(t));
                }
                for a in args {
                    vals.push(self.eval(a));
                }
                apply(self.scope, func, vals)
            }
        }
    }
}

pub(crate) fn and<'a>(a: Val<'a>, b: Val<'a>) -> Val<'a> {
    match (&a, &b) {
        (Val::Bool(false), _) | (_, Val::Bool(false)) => Val::Bool(false),
        (Val::Bool(true), Val::Bool(true)) => Val::Bool(true),
        _ if a.undetermined() || b.undetermined() => Val::Unknown,
        _ => Val::Absent,
    }
}

pub(crate) fn or<'a>(a: Val<'a>, b: Val<'a>) -> Val<'a> {
    match (&a, &b) {
        (Val::Bool(true), _) | (_, Val::Bool(true)) => Val::Bool(true),
        (Val::Bool(false), Val::Bool(false)) => Val::Bool(false),
        _ if a.undetermined() || b.undetermined() => Val::Unknown,
        _ => Val::Absent,
    }
}

fn loose_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Equality with CloudFormation's loose scalars. Unknown on either side is unknown.
pub(crate) fn equal<'a>(a: &Val<'a>, b: &Val<'a>) -> Val<'a> {
    use Val::*;
    // A helper may hand back a scalar as its node (to keep where it was written): compare
    // its value.
    if let Node(n) = a {
        if n.as_list().is_none() && n.as_map().is_none() {
            return equal(&Val::from_node(n), b);
        }
    }
    if let Node(n) = b {
        if n.as_list().is_none() && n.as_map().is_none() {
            return equal(a, &Val::from_node(n));
        }
    }
    match (a, b) {
        (Absent, _) | (_, Absent) => Absent,
        (Ref(x), Ref(y)) if x.target == y.target && x.attribute == y.attribute => Bool(true),
        // Two resources of one template never share an id or ARN.
        (Ref(x), Ref(y)) if x.target != y.target => Bool(false),
        (Unknown | Ref(_), _) | (_, Unknown | Ref(_)) => Unknown,
        (Null, Null) => Bool(true),
        (Null, _) | (_, Null) => Bool(false),
        (Bool(x), Bool(y)) => Bool(x == y),
        (Bool(x), Str(s)) | (Str(s), Bool(x)) => Bool(loose_bool(s) == Some(*x)),
        (Str(x), Str(y)) => Bool(x == y),
        (Int(_) | Double(_), _) | (_, Int(_) | Double(_)) => match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => Bool(x == y),
            _ => Bool(false),
        },
        _ => {
            let (la, lb) = (a.items(), b.items());
            if let (Some(la), Some(lb)) = (la, lb) {
                if la.len() != lb.len() {
                    return Bool(false);
                }
                let mut acc = Bool(true);
                for (x, y) in la.iter().zip(lb.iter()) {
                    acc = and(acc, equal(x, y));
                }
                return acc;
            }
            let ja = functions::to_node(a);
            let jb = functions::to_node(b);
            match (ja, jb) {
                (Some(x), Some(y)) => Bool(x.to_json() == y.to_json()),
                _ => Unknown,
            }
        }
    }
}

fn compare(a: &Val, b: &Val) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Val::Str(x), Val::Str(y)) if x.parse::<f64>().is_err() || y.parse::<f64>().is_err() => {
            Some(x.cmp(y))
        }
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

fn apply<'a>(scope: &Scope<'a, '_>, func: &str, mut v: Vec<Val<'a>>) -> Val<'a> {
    use std::cmp::Ordering::*;
    let undetermined = v.iter().any(Val::undetermined);
    let absent = v.iter().any(|x| matches!(x, Val::Absent));
    match func {
        "!_" => match &v[0] {
            Val::Bool(b) => Val::Bool(!b),
            x if x.undetermined() => Val::Unknown,
            _ => Val::Absent,
        },
        "@not_strictly_false" => Val::Bool(!matches!(v[0], Val::Bool(false))),
        "_==_" => equal(&v[0], &v[1]),
        "_!=_" => match equal(&v[0], &v[1]) {
            Val::Bool(b) => Val::Bool(!b),
            other => other,
        },
        "_<_" | "_<=_" | "_>_" | "_>=_" => {
            if absent {
                return Val::Absent;
            }
            if undetermined {
                return Val::Unknown;
            }
            match compare(&v[0], &v[1]) {
                None => Val::Absent,
                Some(o) => Val::Bool(match func {
                    "_<_" => o == Less,
                    "_<=_" => o != Greater,
                    "_>_" => o == Greater,
                    _ => o != Less,
                }),
            }
        }
        "@in" => {
            let needle = v.swap_remove(0);
            let hay = v.swap_remove(0);
            if hay.undetermined() {
                return Val::Unknown;
            }
            if let Val::Map(m) = &hay {
                return match &needle {
                    Val::Str(s) => Val::Bool(m.contains_key(s.as_ref())),
                    x if x.undetermined() => Val::Unknown,
                    _ => Val::Absent,
                };
            }
            if let Some(n) = hay.node().filter(|n| n.as_map().is_some()) {
                return match &needle {
                    Val::Str(s) => Val::Bool(n.get(s).is_some()),
                    x if x.undetermined() => Val::Unknown,
                    _ => Val::Absent,
                };
            }
            let Some(items) = hay.items() else {
                return Val::Absent;
            };
            let mut acc = Val::Bool(false);
            for item in &items {
                acc = or(acc, equal(&needle, item));
                if acc.is_true() {
                    break;
                }
            }
            acc
        }
        "_+_" | "_-_" | "_*_" | "_/_" | "_%_" => {
            if absent {
                return Val::Absent;
            }
            if undetermined {
                return Val::Unknown;
            }
            if func == "_+_" {
                if let (Val::Str(a), Val::Str(b)) = (&v[0], &v[1]) {
                    return Val::Str(Cow::Owned(format!("{a}{b}")));
                }
                if let (Some(a), Some(b)) = (v[0].items(), v[1].items()) {
                    return Val::List(a.into_iter().chain(b).collect());
                }
            }
            let (Some(a), Some(b)) = (v[0].as_f64(), v[1].as_f64()) else {
                return Val::Absent;
            };
            let r = match func {
                "_+_" => a + b,
                "_-_" => a - b,
                "_*_" => a * b,
                "_/_" if b != 0.0 => a / b,
                "_%_" if b != 0.0 => a % b,
                _ => return Val::Absent,
            };
            number(r)
        }
        "-_" => match v[0].as_f64() {
            Some(x) => number(-x),
            None if undetermined => Val::Unknown,
            None => Val::Absent,
        },
        "_[_]" | "_[?_]" => {
            let key = v.swap_remove(1);
            let base = v.swap_remove(0);
            if base.undetermined() || key.undetermined() {
                return Val::Unknown;
            }
            match &key {
                Val::Str(s) => base.field(s),
                k => match (k.as_f64(), base.items()) {
                    (Some(i), Some(items)) if i >= 0.0 => {
                        items.get(i as usize).cloned().unwrap_or(Val::Absent)
                    }
                    _ => Val::Absent,
                },
            }
        }
        _ => functions::call(scope, func, v),
    }
}
