//! A YAML (and JSON, which is YAML 1.2) tree that keeps tags and source spans.
//!
//! Built from the `saphyr-parser` event stream so that we control what general YAML trees
//! hide: CloudFormation short-form tags (`!Ref`), where each key was written, duplicate keys,
//! merge keys (`<<`), and how far aliases may expand (an alias bomb is an error, not an outage).

use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;
use vigil_model::{Node, Position, Span, Value};

/// Limits that keep hostile input bounded in time and memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting of sequences and mappings accepted.
    pub max_depth: usize,
    /// Most nodes a document may hold once aliases are expanded.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 1_000,
            max_nodes: 2_000_000,
        }
    }
}

/// A node of the tree. Mapping keys are nodes too, so their spans are kept.
#[derive(Debug, Clone, PartialEq)]
pub struct YNode {
    pub kind: YKind,
    /// The local tag without its `!` (`Ref`, `GetAtt`), when one was written.
    pub tag: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum YKind {
    /// A scalar: `quoted` scalars are always strings; plain ones are typed by [`YNode::scalar`].
    Scalar {
        text: String,
        quoted: bool,
    },
    Seq(Vec<YNode>),
    Map(Vec<(YNode, YNode)>),
}

/// A plain scalar's type under the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(&'a str),
}

impl YNode {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            YKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(YNode, YNode)]> {
        match &self.kind {
            YKind::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[YNode]> {
        match &self.kind {
            YKind::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The value at `key` when this is a mapping (the last one if the key is repeated).
    pub fn get(&self, key: &str) -> Option<&YNode> {
        self.as_map()?
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// The tree as plain [`Node`]s, for formats without intrinsic functions (Kubernetes
    /// manifests, pipeline files). An entry of a mapping spans from its key to the end of its
    /// value, so a finding on it points at the line that names it. Keys that are not scalars
    /// are dropped; scalars are typed by the YAML 1.2 core schema.
    pub fn to_node(&self) -> Node {
        let value = match &self.kind {
            YKind::Scalar { .. } => match self.scalar() {
                Some(Scalar::Null) | None => Value::Null,
                Some(Scalar::Bool(b)) => Value::Bool(b),
                Some(Scalar::Number(n)) => Value::Number(n),
                Some(Scalar::String(s)) => Value::String(s.to_string()),
            },
            YKind::Seq(items) => Value::List(items.iter().map(YNode::to_node).collect()),
            YKind::Map(entries) => {
                let mut map =
                    vigil_model::Map::with_capacity_and_hasher(entries.len(), Default::default());
                for (k, v) in entries {
                    let Some(key) = k.as_str() else { continue };
                    let mut n = v.to_node();
                    n.span = Some(Span::new(k.span.start, v.span.end));
                    // A repeated key: the last one wins, as in every YAML reader.
                    map.shift_remove(key);
                    map.insert(key.to_string(), n);
                }
                Value::Map(map)
            }
        };
        Node::new(value, Some(self.span))
    }

    /// The typed value of a scalar.
    pub fn scalar(&self) -> Option<Scalar<'_>> {
        let YKind::Scalar { text, quoted } = &self.kind else {
            return None;
        };
        if *quoted || self.tag.is_some() {
            return Some(Scalar::String(text));
        }
        Some(match text.as_str() {
            "" | "~" | "null" | "Null" | "NULL" => Scalar::Null,
            "true" | "True" | "TRUE" => Scalar::Bool(true),
            "false" | "False" | "FALSE" => Scalar::Bool(false),
            t => match parse_number(t) {
                Some(n) => Scalar::Number(n),
                None => Scalar::String(text),
            },
        })
    }
}

fn parse_number(t: &str) -> Option<f64> {
    let b = t.as_bytes();
    let first = *b.first()?;
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return None;
    }
    if let Some(hex) = t.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(|v| v as f64);
    }
    if let Some(oct) = t.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok().map(|v| v as f64);
    }
    // Leading zeros ("0123") and dates are strings to CloudFormation users; keep them so.
    if b.len() > 1 && first == b'0' && b[1].is_ascii_digit() {
        return None;
    }
    if t.contains(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c))) {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A problem in a YAML document, with the position it was found at.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// The documents of a stream, plus problems that did not stop parsing (duplicate keys).
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<YNode>,
    pub warnings: Vec<YamlError>,
}

fn pos(m: &saphyr_parser::Marker) -> Position {
    Position {
        line: m.line() as u32,
        column: m.col() as u32 + 1,
    }
}

fn span(s: &saphyr_parser::Span) -> Span {
    Span::new(pos(&s.start), pos(&s.end))
}

enum Frame {
    Seq {
        items: Vec<YNode>,
        tag: Option<String>,
        anchor: usize,
        start: Span,
    },
    Map {
        entries: Vec<(YNode, YNode)>,
        pending_key: Option<YNode>,
        tag: Option<String>,
        anchor: usize,
        start: Span,
    },
}

fn local_tag(tag: Option<std::borrow::Cow<'_, saphyr_parser::Tag>>) -> Option<String> {
    let tag = tag?;
    if tag.is_yaml_core_schema() {
        return None;
    }
    // `!Ref` arrives as handle "!" and suffix "Ref".
    Some(tag.suffix.clone())
}

/// Parses every document of `text`.
pub fn parse(text: &str, limits: Limits) -> Result<Parsed, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut out = Parsed::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (YNode, usize)> = HashMap::new();
    let mut nodes = 0usize;

    loop {
        let (event, sp) = match parser.next_event() {
            None => break,
            Some(Ok(e)) => e,
            Some(Err(e)) => {
                return Err(YamlError {
                    line: e.marker().line() as u32,
                    column: e.marker().col() as u32 + 1,
                    message: e.info().to_string(),
                })
            }
        };
        let here = span(&sp);
        let completed: Option<(YNode, usize)> = match event {
            Event::StreamStart | Event::Nothing | Event::DocumentEnd => None,
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                anchors.clear();
                None
            }
            Event::Scalar(value, style, anchor, tag) => {
                nodes += 1;
                let node = YNode {
                    kind: YKind::Scalar {
                        text: value.into_owned(),
                        quoted: !matches!(style, ScalarStyle::Plain),
                    },
                    tag: local_tag(tag),
                    span: here,
                };
                Some((node, anchor))
            }
            Event::Alias(id) => {
                let Some((node, size)) = anchors.get(&id) else {
                    return Err(err_at(
                        here,
                        "alias refers to an anchor that is not defined",
                    ));
                };
                nodes += size;
                if nodes > limits.max_nodes {
                    return Err(err_at(
                        here,
                        &format!(
                            "aliases expand to more than {} nodes (an alias bomb?); refusing to expand further",
                            limits.max_nodes
                        ),
                    ));
                }
                let mut node = node.clone();
                node.span = here;
                Some((node, 0))
            }
            Event::SequenceStart(anchor, tag) => {
                nodes += 1;
                if stack.len() >= limits.max_depth {
                    return Err(err_at(
                        here,
                        &format!("nesting deeper than {} levels", limits.max_depth),
                    ));
                }
                stack.push(Frame::Seq {
                    items: Vec::new(),
                    tag: local_tag(tag),
                    anchor,
                    start: here,
                });
                None
            }
            Event::MappingStart(anchor, tag) => {
                nodes += 1;
                if stack.len() >= limits.max_depth {
                    return Err(err_at(
                        here,
                        &format!("nesting deeper than {} levels", limits.max_depth),
                    ));
                }
                stack.push(Frame::Map {
                    entries: Vec::new(),
                    pending_key: None,
                    tag: local_tag(tag),
                    anchor,
                    start: here,
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq {
                    items,
                    tag,
                    anchor,
                    start,
                }) => {
                    let span = collection_span(start, here, items.last().map(|i| i.span));
                    Some((
                        YNode {
                            kind: YKind::Seq(items),
                            tag,
                            span,
                        },
                        anchor,
                    ))
                }
                _ => return Err(err_at(here, "unbalanced sequence end")),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    entries,
                    tag,
                    anchor,
                    start,
                    ..
                }) => {
                    let last = entries.last().map(|(_, v)| v.span);
                    let entries = finish_map(entries, &mut out.warnings);
                    Some((
                        YNode {
                            kind: YKind::Map(entries),
                            tag,
                            span: collection_span(start, here, last),
                        },
                        anchor,
                    ))
                }
                _ => return Err(err_at(here, "unbalanced mapping end")),
            },
        };
        if nodes > limits.max_nodes {
            return Err(err_at(
                here,
                &format!("document holds more than {} nodes", limits.max_nodes),
            ));
        }
        if let Some((node, anchor)) = completed {
            if anchor != 0 {
                let size = count(&node);
                anchors.insert(anchor, (node.clone(), size));
            }
            match stack.last_mut() {
                None => out.documents.push(node),
                Some(Frame::Seq { items, .. }) => items.push(node),
                Some(Frame::Map {
                    entries,
                    pending_key,
                    ..
                }) => match pending_key.take() {
                    None => *pending_key = Some(node),
                    Some(key) => entries.push((key, node)),
                },
            }
        }
    }
    Ok(out)
}

/// A collection ends where its last child ends: the end event of a block collection sits at
/// the next token, often the next resource.
fn collection_span(start: Span, end_event: Span, last_child: Option<Span>) -> Span {
    match last_child {
        Some(last) => Span::new(start.start, last.end.max(start.end)),
        None => start.join(end_event),
    }
}

fn err_at(span: Span, message: &str) -> YamlError {
    YamlError {
        line: span.start.line,
        column: span.start.column,
        message: message.to_string(),
    }
}

fn count(node: &YNode) -> usize {
    1 + match &node.kind {
        YKind::Scalar { .. } => 0,
        YKind::Seq(s) => s.iter().map(count).sum(),
        YKind::Map(m) => m.iter().map(|(k, v)| count(k) + count(v)).sum(),
    }
}

/// Applies merge keys (`<<`) and reports duplicate keys, keeping the last as most parsers do.
///
/// Keys are found through a hash index: a mapping may hold hundreds of thousands of keys (the
/// `Resources` of a generated template), and a linear search per key made that quadratic.
fn finish_map(entries: Vec<(YNode, YNode)>, warnings: &mut Vec<YamlError>) -> Vec<(YNode, YNode)> {
    let is_merge = |k: &YNode| {
        matches!(&k.kind, YKind::Scalar { text, quoted: false } if text == "<<") && k.tag.is_none()
    };
    let has_merge = entries.iter().any(|(k, _)| is_merge(k));
    // `None` marks an entry overridden by a later duplicate; dropped at the end.
    let mut own: Vec<Option<(YNode, YNode)>> = Vec::with_capacity(entries.len());
    let mut index: HashMap<String, usize> = HashMap::with_capacity(entries.len());
    let mut merged: Vec<(YNode, YNode)> = Vec::new();
    for (k, v) in entries {
        if has_merge && is_merge(&k) {
            let sources: Vec<YNode> = match v.kind {
                YKind::Seq(items) => items,
                _ => vec![v],
            };
            for src in sources {
                if let YKind::Map(m) = src.kind {
                    merged.extend(m);
                }
            }
            continue;
        }
        if let Some(text) = k.as_str() {
            if let Some(idx) = index.insert(text.to_string(), own.len()) {
                if let Some((first, _)) = own[idx].take() {
                    warnings.push(YamlError {
                        line: k.span.start.line,
                        column: k.span.start.column,
                        message: format!(
                            "duplicate key `{text}` (first at line {}); the last one is used",
                            first.span.start.line
                        ),
                    });
                }
            }
        }
        own.push(Some((k, v)));
    }
    // Keys written in the mapping win over merged ones; earlier merge sources win over later.
    for (k, v) in merged {
        if let Some(text) = k.as_str() {
            if index.contains_key(text) {
                continue;
            }
            index.insert(text.to_string(), own.len());
        }
        own.push(Some((k, v)));
    }
    own.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_tags_and_key_lines() {
        let p = parse("a: !Ref X\nb:\n  - !GetAtt R.Arn\n", Limits::default()).unwrap();
        let doc = &p.documents[0];
        let a = doc.get("a").unwrap();
        assert_eq!(a.tag.as_deref(), Some("Ref"));
        assert_eq!(a.as_str(), Some("X"));
        let (bk, b) = &doc.as_map().unwrap()[1];
        assert_eq!(bk.span.start.line, 2);
        assert_eq!(b.as_seq().unwrap()[0].tag.as_deref(), Some("GetAtt"));
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            y.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = parse(&y, Limits::default()).unwrap_err();
        assert!(e.message.contains("alias"), "{}", e.message);
    }

    #[test]
    fn merge_keys_and_duplicates() {
        let p = parse(
            "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n  y: 4\n",
            Limits::default(),
        )
        .unwrap();
        let m = p.documents[0].get("m").unwrap();
        assert_eq!(m.get("x").unwrap().as_str(), Some("1"));
        assert_eq!(m.get("y").unwrap().as_str(), Some("4"));
        assert_eq!(p.warnings.len(), 1);
        assert_eq!(p.warnings[0].line, 5);
    }

    #[test]
    fn deep_nesting_errors_cleanly() {
        let y = "[".repeat(5000) + &"]".repeat(5000);
        let e = parse(&y, Limits::default()).unwrap_err();
        assert!(
            e.message.contains("nesting") || e.message.contains("recursion"),
            "{}",
            e.message
        );
    }

    #[test]
    fn typed_scalars() {
        let p = parse(
            "a: 22\nb: '22'\nc: true\nd: 0123\ne: ~\n",
            Limits::default(),
        )
        .unwrap();
        let d = &p.documents[0];
        assert_eq!(d.get("a").unwrap().scalar(), Some(Scalar::Number(22.0)));
        assert_eq!(d.get("b").unwrap().scalar(), Some(Scalar::String("22")));
        assert_eq!(d.get("c").unwrap().scalar(), Some(Scalar::Bool(true)));
        assert_eq!(d.get("d").unwrap().scalar(), Some(Scalar::String("0123")));
        assert_eq!(d.get("e").unwrap().scalar(), Some(Scalar::Null));
    }
}
