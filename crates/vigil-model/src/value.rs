use crate::Span;
use indexmap::IndexMap;
use serde::Serialize;

/// An ordered map of property names to nodes, in the order they were written.
///
/// Hashed with foldhash: rules look properties up by name millions of times a scan, and the
/// standard library's SipHash was a tenth of rule evaluation. (The keys come from the files
/// scanned; foldhash's per-process random seed keeps hash flooding out of reach.)
pub type Map = IndexMap<String, Node, foldhash::fast::RandomState>;

/// A value together with where it was written.
///
/// For an entry of a mapping the span is the key's, so a finding on a property points at the
/// line that names it. A value computed by an intrinsic function carries the span of the call.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub value: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A property value after everything knowable before deployment has been evaluated.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    List(Vec<Node>),
    Map(Map),
    /// A reference to another resource of the same stack or configuration: rules can follow it.
    Reference(Reference),
    /// A value that cannot be known before deployment. Rules never fire on an unknown.
    Unknown(String),
}

/// `Ref` or `Fn::GetAtt` to another resource, kept typed so rules can follow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The address (logical id) of the resource referred to.
    pub target: String,
    /// The attribute read (`Arn`, `GroupId`...), `None` for a plain `Ref`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
}

impl Node {
    pub fn new(value: Value, span: Option<Span>) -> Self {
        Node { value, span }
    }

    pub fn unknown(reason: impl Into<String>, span: Option<Span>) -> Self {
        Node::new(Value::Unknown(reason.into()), span)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&Map> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(l) => Some(l),
            _ => None,
        }
    }

    /// The child at `key` when this node is a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map().and_then(|m| m.get(key))
    }

    /// The node at a path of map keys (`["spec", "template", "spec"]`).
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |n, k| n.get(k))
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.value, Value::Unknown(_))
    }

    /// Finds the path from this node down to `target` (compared by address), written as
    /// `Properties.SecurityGroupIngress[1].CidrIp` relative to this node.
    pub fn path_to(&self, target: *const Node) -> Option<String> {
        let mut segments = Vec::new();
        if self.find_path(target, &mut segments) {
            let mut out = String::new();
            for s in segments {
                match s {
                    PathSegment::Key(k) => {
                        if !out.is_empty() {
                            out.push('.');
                        }
                        out.push_str(k);
                    }
                    PathSegment::Index(i) => {
                        out.push('[');
                        out.push_str(&i.to_string());
                        out.push(']');
                    }
                }
            }
            Some(out)
        } else {
            None
        }
    }

    fn find_path<'a>(&'a self, target: *const Node, out: &mut Vec<PathSegment<'a>>) -> bool {
        if std::ptr::eq(self, target) {
            return true;
        }
        match &self.value {
            Value::Map(m) => {
                for (k, v) in m {
                    out.push(PathSegment::Key(k));
                    if v.find_path(target, out) {
                        return true;
                    }
                    out.pop();
                }
            }
            Value::List(l) => {
                for (i, v) in l.iter().enumerate() {
                    out.push(PathSegment::Index(i));
                    if v.find_path(target, out) {
                        return true;
                    }
                    out.pop();
                }
            }
            _ => {}
        }
        false
    }

    /// Converts to plain JSON: references become `{"Ref": ...}`, unknowns `null`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null | Value::Unknown(_) => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map(J::Number)
                .unwrap_or(J::Null),
            Value::String(s) => J::String(s.clone()),
            Value::List(l) => J::Array(l.iter().map(Node::to_json).collect()),
            Value::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
            Value::Reference(r) => match &r.attribute {
                None => serde_json::json!({ "Ref": r.target }),
                Some(a) => serde_json::json!({ "Fn::GetAtt": [r.target, a] }),
            },
        }
    }
}

enum PathSegment<'a> {
    Key(&'a str),
    Index(usize),
}
