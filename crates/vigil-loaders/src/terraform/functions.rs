//! Terraform's built-in functions, those that appear in security-relevant configuration.
//!
//! An argument that is unknown makes the result unknown (except for `try`, `can`, `coalesce`
//! and the collection constructors, which keep what they can). A function Vigil does not know
//! is reported once per call site and yields an unknown, so no rule fires on its result.

use super::eval::{as_number, number_text, same, strip_spans, to_string, truth, Scope};
use hcl_edit::expr::Expression;
use ipnet::IpNet;
use std::net::IpAddr;
use vigil_model::Span;
use vigil_model::{Level, Map, Node, Value};

/// Calls `name` with `args` (unevaluated, so `try` and `can` can catch failures).
pub(crate) fn call(
    scope: &mut Scope<'_, '_>,
    name: &str,
    args: &[&Expression],
    expand_final: bool,
    at: Option<Span>,
) -> Node {
    let name = name.strip_prefix("provider::terraform::").unwrap_or(name);
    match name {
        "try" => {
            let mark = scope.ev.diagnostics.borrow().len();
            for a in args {
                let v = scope.eval(a);
                if !v.is_unknown() {
                    scope.ev.diagnostics.borrow_mut().truncate(mark);
                    return v;
                }
            }
            scope.ev.diagnostics.borrow_mut().truncate(mark);
            return Node::unknown("no argument of try() is known", at);
        }
        "can" => {
            let mark = scope.ev.diagnostics.borrow().len();
            let v = args.first().map(|a| scope.eval(a));
            scope.ev.diagnostics.borrow_mut().truncate(mark);
            return match v {
                Some(v) if !v.is_unknown() => Node::new(Value::Bool(true), at),
                _ => Node::unknown("can() of an unknown", at),
            };
        }
        _ => {}
    }
    let mut values: Vec<Node> = args.iter().map(|a| scope.eval(a)).collect();
    if expand_final {
        if let Some(last) = values.pop() {
            match last.value {
                Value::List(items) => values.extend(items),
                _ => return Node::unknown("expanded argument known only after apply", at),
            }
        }
    }
    let out = Call {
        scope,
        args: &values,
        at,
    };
    match out.run(name) {
        Ok(v) => v,
        Err(Failure::Unknown) => {
            Node::unknown(format!("{name}() of a value known only after apply"), at)
        }
        Err(Failure::Error(msg)) => {
            scope.ev.diag(
                Level::Warning,
                &scope.file.path,
                at,
                format!("{name}(): {msg}"),
            );
            Node::unknown(format!("{name}() failed"), at)
        }
        Err(Failure::NotSupported) => {
            scope.ev.diag(
                Level::Warning,
                &scope.file.path,
                at,
                format!(
                    "function `{name}` is not known to Vigil; its result is treated as unknown"
                ),
            );
            Node::unknown(format!("{name}() is not evaluated"), at)
        }
    }
}

enum Failure {
    Unknown,
    Error(String),
    NotSupported,
}

type Result<T> = std::result::Result<T, Failure>;

struct Call<'c, 'e, 's> {
    scope: &'c Scope<'e, 's>,
    args: &'c [Node],
    at: Option<Span>,
}

impl Call<'_, '_, '_> {
    fn node(&self, v: Value) -> Node {
        Node::new(v, self.at)
    }

    fn arg(&self, i: usize) -> Result<&Node> {
        let a = self
            .args
            .get(i)
            .ok_or_else(|| Failure::Error(format!("expects at least {} arguments", i + 1)))?;
        if a.is_unknown() || matches!(a.value, Value::Reference(_)) {
            return Err(Failure::Unknown);
        }
        Ok(a)
    }

    fn all_known(&self) -> Result<()> {
        for i in 0..self.args.len() {
            self.arg(i)?;
            if !fully_known(&self.args[i]) {
                return Err(Failure::Unknown);
            }
        }
        Ok(())
    }

    fn str(&self, i: usize) -> Result<String> {
        let a = self.arg(i)?;
        to_string(a).ok_or_else(|| Failure::Error(format!("argument {} must be a string", i + 1)))
    }

    fn num(&self, i: usize) -> Result<f64> {
        as_number(self.arg(i)?)
            .ok_or_else(|| Failure::Error(format!("argument {} must be a number", i + 1)))
    }

    fn list(&self, i: usize) -> Result<&[Node]> {
        match &self.arg(i)?.value {
            Value::List(l) => Ok(l),
            _ => Err(Failure::Error(format!("argument {} must be a list", i + 1))),
        }
    }

    fn map(&self, i: usize) -> Result<&Map> {
        match &self.arg(i)?.value {
            Value::Map(m) => Ok(m),
            _ => Err(Failure::Error(format!(
                "argument {} must be a map or object",
                i + 1
            ))),
        }
    }

    fn string(&self, s: String) -> Result<Node> {
        Ok(self.node(Value::String(s)))
    }

    fn limit(&self, n: usize) -> Result<()> {
        if n > self.scope.ev.limits.max_collection {
            Err(Failure::Error(format!(
                "result of {n} items is over the limit"
            )))
        } else {
            Ok(())
        }
    }

    fn run(&self, name: &str) -> Result<Node> {
        match name {
            // Strings.
            "lower" => self.string(self.str(0)?.to_lowercase()),
            "upper" => self.string(self.str(0)?.to_uppercase()),
            "title" => self.string(
                self.str(0)?
                    .split(' ')
                    .map(|w| {
                        let mut c = w.chars();
                        match c.next() {
                            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                            None => String::new(),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            "trimspace" => self.string(self.str(0)?.trim().to_string()),
            "chomp" => self.string(self.str(0)?.trim_end_matches(['\n', '\r']).to_string()),
            "trim" => {
                let cut = self.str(1)?;
                self.string(self.str(0)?.trim_matches(|c| cut.contains(c)).to_string())
            }
            "trimprefix" => {
                let s = self.str(0)?;
                let p = self.str(1)?;
                self.string(s.strip_prefix(p.as_str()).unwrap_or(&s).to_string())
            }
            "trimsuffix" => {
                let s = self.str(0)?;
                let p = self.str(1)?;
                self.string(s.strip_suffix(p.as_str()).unwrap_or(&s).to_string())
            }
            "startswith" => Ok(self.node(Value::Bool(self.str(0)?.starts_with(&self.str(1)?)))),
            "endswith" => Ok(self.node(Value::Bool(self.str(0)?.ends_with(&self.str(1)?)))),
            "strcontains" => Ok(self.node(Value::Bool(self.str(0)?.contains(&self.str(1)?)))),
            "strrev" => self.string(self.str(0)?.chars().rev().collect()),
            "substr" => {
                let s: Vec<char> = self.str(0)?.chars().collect();
                let off = self.num(1)? as i64;
                let len = self.num(2)? as i64;
                let start = if off < 0 {
                    (s.len() as i64 + off).max(0)
                } else {
                    off.min(s.len() as i64)
                } as usize;
                let end = if len < 0 {
                    s.len()
                } else {
                    (start + len as usize).min(s.len())
                };
                self.string(s[start..end.max(start)].iter().collect())
            }
            "replace" => {
                let s = self.str(0)?;
                let from = self.str(1)?;
                let to = self.str(2)?;
                if from.len() > 2 && from.starts_with('/') && from.ends_with('/') {
                    let re = regex::Regex::new(&from[1..from.len() - 1])
                        .map_err(|e| Failure::Error(format!("bad pattern: {e}")))?;
                    let to = to.replace("$", "$$").replace("$${", "${");
                    self.string(re.replace_all(&s, to.as_str()).into_owned())
                } else if from.is_empty() {
                    self.string(s)
                } else {
                    self.string(s.replace(&from, &to))
                }
            }
            "format" => self.string(format_verbs(&self.str(0)?, &self.args[1..])?),
            "formatlist" => {
                let fmt = self.str(0)?;
                let n = self.args[1..]
                    .iter()
                    .filter_map(|a| a.as_list().map(<[Node]>::len))
                    .max()
                    .unwrap_or(1);
                self.limit(n)?;
                let mut out = Vec::new();
                for i in 0..n {
                    let row: Vec<Node> = self.args[1..]
                        .iter()
                        .map(|a| match &a.value {
                            Value::List(l) => {
                                l.get(i).cloned().unwrap_or(Node::new(Value::Null, None))
                            }
                            _ => a.clone(),
                        })
                        .collect();
                    out.push(self.node(Value::String(format_verbs(&fmt, &row)?)));
                }
                Ok(self.node(Value::List(out)))
            }
            "join" => {
                let sep = self.str(0)?;
                let mut parts = Vec::new();
                for i in 1..self.args.len() {
                    for item in self.list(i)? {
                        if item.is_unknown() || matches!(item.value, Value::Reference(_)) {
                            return Err(Failure::Unknown);
                        }
                        parts.push(
                            to_string(item)
                                .ok_or_else(|| Failure::Error("join() of a non-string".into()))?,
                        );
                    }
                }
                self.string(parts.join(&sep))
            }
            "split" => {
                let sep = self.str(0)?;
                let s = self.str(1)?;
                let parts: Vec<Node> = if sep.is_empty() {
                    s.chars()
                        .map(|c| self.node(Value::String(c.to_string())))
                        .collect()
                } else {
                    s.split(sep.as_str())
                        .map(|p| self.node(Value::String(p.to_string())))
                        .collect()
                };
                Ok(self.node(Value::List(parts)))
            }
            "regex" | "regexall" => {
                let re = regex::Regex::new(&self.str(0)?)
                    .map_err(|e| Failure::Error(format!("bad pattern: {e}")))?;
                let s = self.str(1)?;
                let one = |c: regex::Captures| -> Node {
                    let names: Vec<Option<&str>> = re.capture_names().collect();
                    if c.len() == 1 {
                        self.node(Value::String(c[0].to_string()))
                    } else if names.iter().skip(1).all(Option::is_some) {
                        let m = names
                            .iter()
                            .skip(1)
                            .flatten()
                            .map(|n| {
                                (
                                    n.to_string(),
                                    self.node(Value::String(
                                        c.name(n).map(|m| m.as_str()).unwrap_or("").to_string(),
                                    )),
                                )
                            })
                            .collect();
                        self.node(Value::Map(m))
                    } else {
                        self.node(Value::List(
                            (1..c.len())
                                .map(|i| {
                                    self.node(Value::String(
                                        c.get(i).map(|m| m.as_str()).unwrap_or("").to_string(),
                                    ))
                                })
                                .collect(),
                        ))
                    }
                };
                if name == "regex" {
                    match re.captures(&s) {
                        Some(c) => Ok(one(c)),
                        None => Err(Failure::Error("pattern did not match".into())),
                    }
                } else {
                    Ok(self.node(Value::List(re.captures_iter(&s).map(one).collect())))
                }
            }
            "indent" => {
                let pad = " ".repeat((self.num(0)? as usize).min(1000));
                let s = self.str(1)?;
                self.string(s.replace('\n', &format!("\n{pad}")))
            }
            "base64encode" => {
                use base64::Engine;
                self.string(base64::engine::general_purpose::STANDARD.encode(self.str(0)?))
            }
            "base64decode" => {
                use base64::Engine;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(self.str(0)?.trim())
                    .map_err(|e| Failure::Error(format!("not base64: {e}")))?;
                self.string(
                    String::from_utf8(bytes).map_err(|_| Failure::Error("not UTF-8".into()))?,
                )
            }
            "urlencode" => self.string(
                self.str(0)?
                    .bytes()
                    .map(|b| match b {
                        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                            (b as char).to_string()
                        }
                        _ => format!("%{b:02X}"),
                    })
                    .collect(),
            ),
            // Numbers.
            "abs" => Ok(self.node(Value::Number(self.num(0)?.abs()))),
            "ceil" => Ok(self.node(Value::Number(self.num(0)?.ceil()))),
            "floor" => Ok(self.node(Value::Number(self.num(0)?.floor()))),
            "signum" => Ok(self.node(Value::Number(self.num(0)?.signum()))),
            "pow" => Ok(self.node(Value::Number(self.num(0)?.powf(self.num(1)?)))),
            "max" | "min" => {
                let mut nums = Vec::new();
                for i in 0..self.args.len() {
                    nums.push(self.num(i)?);
                }
                let v = if name == "max" {
                    nums.into_iter().fold(f64::NEG_INFINITY, f64::max)
                } else {
                    nums.into_iter().fold(f64::INFINITY, f64::min)
                };
                Ok(self.node(Value::Number(v)))
            }
            "parseint" => {
                let base = self.num(1)? as u32;
                if !(2..=62).contains(&base) {
                    return Err(Failure::Error("base must be 2 to 62".into()));
                }
                let v = i64::from_str_radix(&self.str(0)?, base)
                    .map_err(|e| Failure::Error(e.to_string()))?;
                Ok(self.node(Value::Number(v as f64)))
            }
            "sum" => {
                let mut t = 0.0;
                for x in self.list(0)? {
                    t += as_number(x).ok_or(Failure::Unknown)?;
                }
                Ok(self.node(Value::Number(t)))
            }
            // Type conversions.
            "tostring" => match &self.arg(0)?.value {
                Value::Null => Ok(self.node(Value::Null)),
                _ => self.string(
                    to_string(self.arg(0)?)
                        .ok_or_else(|| Failure::Error("not a primitive".into()))?,
                ),
            },
            "tonumber" => match &self.arg(0)?.value {
                Value::Null => Ok(self.node(Value::Null)),
                _ => Ok(self.node(Value::Number(self.num(0)?))),
            },
            "tobool" => match &self.arg(0)?.value {
                Value::Null => Ok(self.node(Value::Null)),
                _ => Ok(self.node(Value::Bool(
                    truth(self.arg(0)?).ok_or_else(|| Failure::Error("not a bool".into()))?,
                ))),
            },
            "tolist" | "tuple" => Ok(self.arg(0)?.clone()),
            "toset" => {
                let mut out: Vec<Node> = Vec::new();
                for x in self.list(0)? {
                    if !out.iter().any(|y| same(x, y)) {
                        out.push(x.clone());
                    }
                }
                Ok(self.node(Value::List(out)))
            }
            "tomap" | "nonsensitive" | "sensitive" | "type" => Ok(self.arg(0)?.clone()),
            // Collections.
            "length" => match &self.arg(0)?.value {
                Value::List(l) => Ok(self.node(Value::Number(l.len() as f64))),
                Value::Map(m) => Ok(self.node(Value::Number(m.len() as f64))),
                Value::String(s) => Ok(self.node(Value::Number(s.chars().count() as f64))),
                _ => Err(Failure::Error("length() of a value without one".into())),
            },
            "element" => {
                let l = self.list(0)?;
                if l.is_empty() {
                    return Err(Failure::Error("element() of an empty list".into()));
                }
                let i = self.num(1)? as usize % l.len();
                Ok(l[i].clone())
            }
            "index" => {
                let l = self.list(0)?;
                let x = self.arg(1)?;
                match l.iter().position(|y| same(x, y)) {
                    Some(i) => Ok(self.node(Value::Number(i as f64))),
                    None => Err(Failure::Error("item not found".into())),
                }
            }
            "contains" => {
                let l = self.list(0)?;
                let x = self.arg(1)?;
                if l.iter().any(|y| same(x, y)) {
                    Ok(self.node(Value::Bool(true)))
                } else if l
                    .iter()
                    .any(|y| y.is_unknown() || matches!(y.value, Value::Reference(_)))
                {
                    Err(Failure::Unknown)
                } else {
                    Ok(self.node(Value::Bool(false)))
                }
            }
            "concat" => {
                let mut out = Vec::new();
                for i in 0..self.args.len() {
                    out.extend(self.list(i)?.iter().cloned());
                }
                self.limit(out.len())?;
                Ok(self.node(Value::List(out)))
            }
            "merge" => {
                let mut out = Map::default();
                for i in 0..self.args.len() {
                    match &self.arg(i)?.value {
                        Value::Null => {}
                        _ => {
                            for (k, v) in self.map(i)? {
                                out.insert(k.clone(), v.clone());
                            }
                        }
                    }
                }
                Ok(self.node(Value::Map(out)))
            }
            "lookup" => {
                let m = self.map(0)?;
                let k = self.str(1)?;
                match m.get(&k) {
                    Some(v) => Ok(v.clone()),
                    None if self.args.len() > 2 => Ok(self.args[2].clone()),
                    None => Err(Failure::Error(format!("no key `{k}`"))),
                }
            }
            "keys" => {
                let m = self.map(0)?;
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                Ok(self.node(Value::List(
                    keys.into_iter()
                        .map(|k| self.node(Value::String(k.clone())))
                        .collect(),
                )))
            }
            "values" => {
                let m = self.map(0)?;
                let mut entries: Vec<(&String, &Node)> = m.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                Ok(self.node(Value::List(
                    entries.into_iter().map(|(_, v)| v.clone()).collect(),
                )))
            }
            "zipmap" => {
                let k = self.list(0)?;
                let v = self.list(1)?;
                let mut m = Map::default();
                for (k, v) in k.iter().zip(v) {
                    m.insert(to_string(k).ok_or(Failure::Unknown)?, v.clone());
                }
                Ok(self.node(Value::Map(m)))
            }
            "distinct" => {
                let mut out: Vec<Node> = Vec::new();
                for x in self.list(0)? {
                    if !out.iter().any(|y| same(x, y)) {
                        out.push(x.clone());
                    }
                }
                Ok(self.node(Value::List(out)))
            }
            "compact" => Ok(self.node(Value::List(
                self.list(0)?
                    .iter()
                    .filter(|x| !matches!(&x.value, Value::Null) && x.as_str() != Some(""))
                    .cloned()
                    .collect(),
            ))),
            "flatten" => {
                fn flat(items: &[Node], out: &mut Vec<Node>) {
                    for i in items {
                        match &i.value {
                            Value::List(l) => flat(l, out),
                            _ => out.push(i.clone()),
                        }
                    }
                }
                let mut out = Vec::new();
                flat(self.list(0)?, &mut out);
                Ok(self.node(Value::List(out)))
            }
            "reverse" => Ok(self.node(Value::List(self.list(0)?.iter().rev().cloned().collect()))),
            "sort" => {
                let mut s: Vec<String> = self
                    .list(0)?
                    .iter()
                    .map(|x| to_string(x).ok_or(Failure::Unknown))
                    .collect::<Result<_>>()?;
                s.sort();
                Ok(self.node(Value::List(
                    s.into_iter().map(|x| self.node(Value::String(x))).collect(),
                )))
            }
            "slice" => {
                let l = self.list(0)?;
                let a = (self.num(1)? as usize).min(l.len());
                let b = (self.num(2)? as usize).min(l.len()).max(a);
                Ok(self.node(Value::List(l[a..b].to_vec())))
            }
            "chunklist" => {
                let l = self.list(0)?;
                let n = (self.num(1)? as usize).max(1);
                Ok(self.node(Value::List(
                    l.chunks(n)
                        .map(|c| self.node(Value::List(c.to_vec())))
                        .collect(),
                )))
            }
            "range" => {
                let (start, end, step) = match self.args.len() {
                    1 => (0.0, self.num(0)?, 1.0),
                    2 => (self.num(0)?, self.num(1)?, 1.0),
                    _ => (self.num(0)?, self.num(1)?, self.num(2)?),
                };
                if step == 0.0 {
                    return Err(Failure::Error("step must not be zero".into()));
                }
                let n = ((end - start) / step).ceil().max(0.0) as usize;
                self.limit(n)?;
                Ok(self.node(Value::List(
                    (0..n)
                        .map(|i| self.node(Value::Number(start + step * i as f64)))
                        .collect(),
                )))
            }
            "coalesce" => {
                for a in self.args {
                    match &a.value {
                        Value::Null => continue,
                        Value::String(s) if s.is_empty() => continue,
                        Value::Unknown(_) | Value::Reference(_) => return Err(Failure::Unknown),
                        _ => return Ok(a.clone()),
                    }
                }
                Err(Failure::Error("no non-null argument".into()))
            }
            "coalescelist" => {
                for i in 0..self.args.len() {
                    if !self.list(i)?.is_empty() {
                        return Ok(self.args[i].clone());
                    }
                }
                Ok(self.node(Value::List(Vec::new())))
            }
            "one" => {
                let l = self.list(0)?;
                match l.len() {
                    0 => Ok(self.node(Value::Null)),
                    1 => Ok(l[0].clone()),
                    _ => Err(Failure::Error("more than one element".into())),
                }
            }
            "alltrue" | "anytrue" => {
                let vals: Vec<Option<bool>> = self.list(0)?.iter().map(truth).collect();
                let all = name == "alltrue";
                if all && vals.contains(&Some(false)) {
                    return Ok(self.node(Value::Bool(false)));
                }
                if !all && vals.contains(&Some(true)) {
                    return Ok(self.node(Value::Bool(true)));
                }
                if vals.contains(&None) {
                    return Err(Failure::Unknown);
                }
                Ok(self.node(Value::Bool(all)))
            }
            "setunion" => {
                let mut out: Vec<Node> = Vec::new();
                for i in 0..self.args.len() {
                    for x in self.list(i)? {
                        if !out.iter().any(|y| same(x, y)) {
                            out.push(x.clone());
                        }
                    }
                }
                Ok(self.node(Value::List(out)))
            }
            "setintersection" | "setsubtract" => {
                let first = self.list(0)?;
                let mut out = Vec::new();
                for x in first {
                    let in_all = (1..self.args.len()).all(|i| {
                        self.list(i)
                            .map(|l| l.iter().any(|y| same(x, y)))
                            .unwrap_or(false)
                    });
                    let in_any = (1..self.args.len()).any(|i| {
                        self.list(i)
                            .map(|l| l.iter().any(|y| same(x, y)))
                            .unwrap_or(false)
                    });
                    if (name == "setintersection" && in_all) || (name == "setsubtract" && !in_any) {
                        out.push(x.clone());
                    }
                }
                Ok(self.node(Value::List(out)))
            }
            // Encoding.
            "jsonencode" => {
                let v = self
                    .args
                    .first()
                    .ok_or_else(|| Failure::Error("expects a value".into()))?;
                Ok(self.scope.ev.json_encode(v, self.at))
            }
            "jsondecode" => {
                let s = self.str(0)?;
                let j: serde_json::Value = serde_json::from_str(&s)
                    .map_err(|e| Failure::Error(format!("not JSON: {e}")))?;
                if let Some(n) = self.scope.ev.json_sources.borrow().get(&s) {
                    return Ok(n.clone());
                }
                Ok(from_json(&j, self.at))
            }
            "yamlencode" => {
                self.all_known()?;
                Err(Failure::NotSupported)
            }
            // Network.
            "cidrsubnet" => {
                let net: IpNet = self
                    .str(0)?
                    .parse()
                    .map_err(|e| Failure::Error(format!("bad CIDR: {e}")))?;
                let bits = self.num(1)? as u8;
                let num = self.num(2)? as u128;
                let prefix = net.prefix_len() + bits;
                if prefix > net.max_prefix_len() {
                    return Err(Failure::Error("not enough address bits".into()));
                }
                let host_bits = (net.max_prefix_len() - prefix) as u32;
                let base: u128 = match net.network() {
                    IpAddr::V4(a) => u32::from(a) as u128,
                    IpAddr::V6(a) => u128::from(a),
                };
                if bits < 128 && num >= (1u128 << bits) {
                    return Err(Failure::Error("netnum too large".into()));
                }
                let addr = base | (num.checked_shl(host_bits).unwrap_or(0));
                let ip = match net {
                    IpNet::V4(_) => IpAddr::V4((addr as u32).into()),
                    IpNet::V6(_) => IpAddr::V6(addr.into()),
                };
                self.string(format!("{ip}/{prefix}"))
            }
            "cidrsubnets" => {
                let base = self.str(0)?;
                let net: IpNet = base
                    .parse()
                    .map_err(|e| Failure::Error(format!("bad CIDR: {e}")))?;
                let mut next: u128 = match net.network() {
                    IpAddr::V4(a) => u32::from(a) as u128,
                    IpAddr::V6(a) => u128::from(a),
                };
                let mut out = Vec::new();
                for i in 1..self.args.len() {
                    let prefix = net.prefix_len() as u32 + self.num(i)? as u32;
                    if prefix > net.max_prefix_len() as u32 {
                        return Err(Failure::Error("not enough address bits".into()));
                    }
                    let size = 1u128
                        .checked_shl(net.max_prefix_len() as u32 - prefix)
                        .unwrap_or(0);
                    // Each subnet starts at the next boundary of its own size.
                    if size > 0 && !next.is_multiple_of(size) {
                        next = (next / size + 1) * size;
                    }
                    let ip = match net {
                        IpNet::V4(_) => IpAddr::V4((next as u32).into()),
                        IpNet::V6(_) => IpAddr::V6(next.into()),
                    };
                    out.push(self.node(Value::String(format!("{ip}/{prefix}"))));
                    next = next.saturating_add(size);
                }
                Ok(self.node(Value::List(out)))
            }
            "cidrhost" => {
                let net: IpNet = self
                    .str(0)?
                    .parse()
                    .map_err(|e| Failure::Error(format!("bad CIDR: {e}")))?;
                let n = self.num(1)? as i128;
                let base: i128 = match net.network() {
                    IpAddr::V4(a) => u32::from(a) as i128,
                    IpAddr::V6(a) => u128::from(a) as i128,
                };
                let ip = match net {
                    IpNet::V4(_) => IpAddr::V4(((base + n) as u32).into()),
                    IpNet::V6(_) => IpAddr::V6(((base + n) as u128).into()),
                };
                self.string(ip.to_string())
            }
            "cidrnetmask" => {
                let net: ipnet::Ipv4Net = self
                    .str(0)?
                    .parse()
                    .map_err(|e| Failure::Error(format!("bad CIDR: {e}")))?;
                self.string(net.netmask().to_string())
            }
            // Files, read only inside the scanned tree.
            "file" | "templatefile" | "fileexists" => {
                let rel = self.str(0)?;
                let path = self.resolve_path(&rel)?;
                let text = self.scope.ev.fs.read(&path);
                if name == "fileexists" {
                    return Ok(self.node(Value::Bool(text.is_some())));
                }
                let Some(text) = text else {
                    return Err(Failure::Error(format!("cannot read `{rel}` (as `{path}`)")));
                };
                self.scope
                    .ev
                    .extra_sources
                    .borrow_mut()
                    .push((path.clone(), text.clone()));
                if name == "file" {
                    return self.string(text.to_string());
                }
                let vars = match self.args.get(1) {
                    Some(v) => match &v.value {
                        Value::Map(m) => m.clone(),
                        Value::Unknown(_) => return Err(Failure::Unknown),
                        _ => return Err(Failure::Error("variables must be an object".into())),
                    },
                    None => Map::default(),
                };
                self.scope
                    .ev
                    .template_file(&path, &text, vars, self.at)
                    .ok_or_else(|| Failure::Error(format!("`{rel}` is not a valid template")))
            }
            "basename" => self.string(self.str(0)?.rsplit('/').next().unwrap_or("").to_string()),
            "dirname" => {
                let s = self.str(0)?;
                self.string(
                    s.rsplit_once('/')
                        .map(|(d, _)| d.to_string())
                        .unwrap_or_else(|| ".".into()),
                )
            }
            "abspath" | "pathexpand" => Err(Failure::Unknown),
            // Known only at apply time, or not worth computing for a security check.
            "timestamp" | "uuid" | "uuidv5" | "bcrypt" | "md5" | "sha1" | "sha256" | "sha512"
            | "filemd5" | "filesha256" | "filebase64sha256" | "base64sha256" | "base64sha512"
            | "timeadd" | "formatdate" | "plantimestamp" | "filebase64" | "fileset"
            | "rsadecrypt" => Err(Failure::Unknown),
            _ => Err(Failure::NotSupported),
        }
    }

    /// A path relative to the module, as a path relative to the scan root. Files outside the
    /// scanned tree are not read.
    fn resolve_path(&self, rel: &str) -> Result<String> {
        // `${path.module}/x` has already been rendered to `<module dir>/x`, which is absolute
        // when the scanned path was.
        let dir = self.scope.ev.instance(self.scope.inst).def.dir.clone();
        let root = self.scope.ev.instance(0).def.dir.clone();
        if rel.starts_with('/') {
            let inside = [&dir, &root]
                .iter()
                .any(|d| d.starts_with('/') && rel.starts_with(&format!("{d}/")));
            if !inside || rel.split('/').any(|seg| seg == "..") {
                return Err(Failure::Error(format!(
                    "`{rel}` is outside the scanned tree"
                )));
            }
            return Ok(rel.to_string());
        }
        let candidate = if rel.starts_with("./")
            || rel.starts_with("../")
            || dir.is_empty()
            || !rel.starts_with(&format!("{dir}/"))
        {
            super::join_path(&dir, rel)
        } else {
            super::join_path("", rel)
        };
        candidate.ok_or_else(|| Failure::Error(format!("`{rel}` is outside the scanned tree")))
    }
}

/// Whether a value holds no unknown and no reference anywhere.
pub(crate) fn fully_known(v: &Node) -> bool {
    match &v.value {
        Value::Unknown(_) | Value::Reference(_) => false,
        Value::List(l) => l.iter().all(fully_known),
        Value::Map(m) => m.values().all(fully_known),
        _ => true,
    }
}

/// Terraform's `format` verbs: `%s`, `%d`, `%v`, `%q`, `%t`, `%f` (with widths ignored), `%%`.
fn format_verbs(fmt: &str, args: &[Node]) -> Result<String> {
    let mut out = String::new();
    let mut it = args.iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&n) = chars.peek() {
            chars.next();
            if n.is_ascii_alphabetic() || n == '%' {
                spec.push(n);
                break;
            }
            spec.push(n);
        }
        let verb = spec.chars().last().unwrap_or('v');
        if verb == '%' {
            out.push('%');
            continue;
        }
        let a = it
            .next()
            .ok_or_else(|| Failure::Error("too few arguments for the format".into()))?;
        if a.is_unknown() || matches!(a.value, Value::Reference(_)) {
            return Err(Failure::Unknown);
        }
        match verb {
            'q' => out.push_str(&format!("{:?}", to_string(a).unwrap_or_default())),
            'd' => {
                let n =
                    as_number(a).ok_or_else(|| Failure::Error("%d of a non-number".into()))? as i64;
                let width: usize = spec
                    .trim_start_matches(['0', '-', '+', ' '])
                    .trim_end_matches('d')
                    .parse()
                    .unwrap_or(0);
                if spec.starts_with('0') {
                    out.push_str(&format!("{n:0width$}"));
                } else {
                    out.push_str(&format!("{n:width$}"));
                }
            }
            'f' | 'g' | 'e' => out.push_str(&number_text(
                as_number(a).ok_or_else(|| Failure::Error("%f of a non-number".into()))?,
            )),
            _ => out.push_str(&to_string(a).unwrap_or_else(|| a.to_json().to_string())),
        }
    }
    Ok(out)
}

/// A JSON value as a node tree, every node at `at`.
pub(crate) fn from_json(j: &serde_json::Value, at: Option<Span>) -> Node {
    use serde_json::Value as J;
    let v = match j {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        J::String(s) => Value::String(s.clone()),
        J::Array(a) => Value::List(a.iter().map(|x| from_json(x, at)).collect()),
        J::Object(o) => Value::Map(
            o.iter()
                .map(|(k, v)| (k.clone(), from_json(v, at)))
                .collect(),
        ),
    };
    Node::new(v, at)
}

/// JSON text of a node; unknown parts are written as `"${...}"` placeholders.
pub(crate) fn to_json_text(v: &Node) -> String {
    fn conv(v: &Node) -> serde_json::Value {
        use serde_json::Value as J;
        match &v.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map(|x| {
                    if n.fract() == 0.0 && n.abs() < 1e15 {
                        J::Number((*n as i64).into())
                    } else {
                        J::Number(x)
                    }
                })
                .unwrap_or(J::Null),
            Value::String(s) => J::String(s.clone()),
            Value::List(l) => J::Array(l.iter().map(conv).collect()),
            Value::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), conv(v))).collect()),
            Value::Reference(r) => J::String(match &r.attribute {
                Some(a) => format!("${{{}.{a}}}", r.target),
                None => format!("${{{}}}", r.target),
            }),
            Value::Unknown(_) => J::String("${?}".into()),
        }
    }
    conv(v).to_string()
}

impl<'s> super::config::Evaluation<'s> {
    /// `jsonencode`: the JSON text when every part is known, else an unknown. Either way the
    /// structured value is remembered under the text, so mapping a policy keeps its lines.
    pub(crate) fn json_encode(&self, v: &Node, at: Option<Span>) -> Node {
        let text = to_json_text(v);
        let out = if fully_known(v) {
            Node::new(Value::String(text.clone()), at)
        } else {
            Node::unknown(format!("jsonencode: {text}"), at)
        };
        let key = match &out.value {
            Value::String(s) => s.clone(),
            Value::Unknown(s) => s.clone(),
            _ => unreachable!(),
        };
        self.json_sources.borrow_mut().insert(key, v.clone());
        out
    }

    /// `templatefile(path, vars)`: the file parsed as a template and rendered with `vars`.
    fn template_file(&self, path: &str, text: &str, vars: Map, at: Option<Span>) -> Option<Node> {
        let template = hcl_edit::parser::parse_template(text).ok()?;
        // Spans inside the template would be offsets into another file: the call's span is
        // given to the result instead.
        let file = self.files.first()?;
        let mut scope = Scope::new(self, 0, file);
        for (k, v) in vars {
            scope.bindings.push((k, v));
        }
        let _ = path;
        let mut v = strip_spans(scope.template(&template, at));
        v.span = at;
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_verbs_render() {
        let s = |x: &str| Node::new(Value::String(x.into()), None);
        let n = |x: f64| Node::new(Value::Number(x), None);
        assert_eq!(
            format_verbs("%s-%d %%", &[s("a"), n(3.0)]).ok().unwrap(),
            "a-3 %"
        );
        assert_eq!(format_verbs("%q", &[s("x")]).ok().unwrap(), "\"x\"");
    }
}
