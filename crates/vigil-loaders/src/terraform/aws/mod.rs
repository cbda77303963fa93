//! Maps AWS provider resources onto the canonical, CloudFormation-shaped records.
//!
//! Each service file declares, for the provider types it knows:
//! - [`Mapping`]s: a provider type becomes a resource of a canonical kind, its arguments
//!   renamed and converted to the CloudFormation property they mean (`acl = "public-read"` →
//!   `AccessControl: PublicRead`);
//! - [`Join`]s: a provider type that configures another resource (the v4 split of
//!   `aws_s3_bucket` into `aws_s3_bucket_versioning`, `_acl`, ...) is folded into its subject's
//!   properties, found by reference (`bucket = aws_s3_bucket.x.id`) or by name.
//!
//! Every converted node keeps the span of the argument it came from, so findings point at the
//! Terraform line. The full table is in `docs/terraform.md`.

pub mod acm;
pub mod apigateway;
pub mod autoscaling;
pub mod cloudfront;
pub mod cloudtrail;
pub mod codebuild;
pub mod cognito;
pub mod config;
pub mod dms;
pub mod docdb;
pub mod dynamodb;
pub mod ec2;
pub mod ecr;
pub mod ecs;
pub mod efs;
pub mod eks;
pub mod elasticache;
pub mod elb;
pub mod guardduty;
pub mod iam;
pub mod kinesis;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod mq;
pub mod msk;
pub mod neptune;
pub mod opensearch;
pub mod rds;
pub mod redshift;
pub mod s3;
pub mod sagemaker;
pub mod secretsmanager;
pub mod sns;
pub mod sqs;
pub mod waf;

use super::config::TfResource;
use super::functions::from_json;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use vigil_model::{Map, Node, Origin, Reference, Resource, Span, Value};

/// A provider type that becomes a resource of its own.
pub struct Mapping {
    pub tf_type: &'static str,
    /// The canonical kind(s) it can become (for documentation and `vigil rules show`).
    pub kinds: &'static [&'static str],
    pub map: fn(&Source) -> Vec<Mapped>,
}

/// A provider type that configures another resource.
pub struct Join {
    pub tf_type: &'static str,
    /// The kinds it joins onto.
    pub subjects: &'static [&'static str],
    pub join: fn(&Source, &mut Joiner),
}

/// The result of a [`Mapping`]: usually one resource; a provider resource that stands for
/// several CloudFormation ones (a security group rule with three CIDR blocks) gives several,
/// told apart by an address suffix (`#1`, `#2`).
pub struct Mapped {
    pub kind: &'static str,
    pub properties: Node,
    pub suffix: String,
}

/// Every mapping and join, from all service files.
pub fn mappings() -> impl Iterator<Item = &'static Mapping> {
    [
        acm::MAPPINGS,
        apigateway::MAPPINGS,
        autoscaling::MAPPINGS,
        cloudfront::MAPPINGS,
        cloudtrail::MAPPINGS,
        codebuild::MAPPINGS,
        cognito::MAPPINGS,
        config::MAPPINGS,
        dms::MAPPINGS,
        docdb::MAPPINGS,
        dynamodb::MAPPINGS,
        ec2::MAPPINGS,
        ecr::MAPPINGS,
        ecs::MAPPINGS,
        efs::MAPPINGS,
        eks::MAPPINGS,
        elasticache::MAPPINGS,
        elb::MAPPINGS,
        guardduty::MAPPINGS,
        iam::MAPPINGS,
        kinesis::MAPPINGS,
        kms::MAPPINGS,
        lambda::MAPPINGS,
        logs::MAPPINGS,
        mq::MAPPINGS,
        msk::MAPPINGS,
        neptune::MAPPINGS,
        opensearch::MAPPINGS,
        rds::MAPPINGS,
        redshift::MAPPINGS,
        s3::MAPPINGS,
        sagemaker::MAPPINGS,
        secretsmanager::MAPPINGS,
        sns::MAPPINGS,
        sqs::MAPPINGS,
        waf::MAPPINGS,
    ]
    .into_iter()
    .flatten()
}

pub fn joins() -> impl Iterator<Item = &'static Join> {
    [
        acm::JOINS,
        apigateway::JOINS,
        autoscaling::JOINS,
        cloudfront::JOINS,
        cloudtrail::JOINS,
        codebuild::JOINS,
        cognito::JOINS,
        config::JOINS,
        dms::JOINS,
        docdb::JOINS,
        dynamodb::JOINS,
        ec2::JOINS,
        ecr::JOINS,
        ecs::JOINS,
        efs::JOINS,
        eks::JOINS,
        elasticache::JOINS,
        elb::JOINS,
        guardduty::JOINS,
        iam::JOINS,
        kinesis::JOINS,
        kms::JOINS,
        lambda::JOINS,
        logs::JOINS,
        mq::JOINS,
        msk::JOINS,
        neptune::JOINS,
        opensearch::JOINS,
        rds::JOINS,
        redshift::JOINS,
        s3::JOINS,
        sagemaker::JOINS,
        secretsmanager::JOINS,
        sns::JOINS,
        sqs::JOINS,
        waf::JOINS,
    ]
    .into_iter()
    .flatten()
}

/// The provider types that become (or are joined onto) any of `kinds`, for `vigil rules show`:
/// `aws_s3_bucket`, `aws_s3_bucket_acl (joined)`, ...
pub fn terraform_types(kinds: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = mappings()
        .filter(|m| m.kinds.iter().any(|k| kinds.contains(k)))
        .map(|m| m.tf_type.to_string())
        .collect();
    out.extend(
        joins()
            .filter(|j| j.subjects.iter().any(|k| kinds.contains(k)))
            .map(|j| format!("{} (joined)", j.tf_type)),
    );
    out.dedup();
    out
}

/// A provider resource as a mapping function sees it.
pub struct Source<'a> {
    pub resource: &'a TfResource,
    json_sources: &'a HashMap<String, Node>,
}

impl<'a> Source<'a> {
    /// The span of the resource block's first line: where a missing argument is reported.
    pub fn span(&self) -> Option<Span> {
        self.resource.span
    }

    /// An argument, if set (and not `null`).
    pub fn attr(&self, name: &str) -> Option<&'a Node> {
        self.resource
            .attributes
            .get(name)
            .filter(|n| !matches!(n.value, Value::Null))
    }

    /// The nested blocks of one type (empty when there are none).
    pub fn blocks(&self, name: &str) -> &'a [Node] {
        self.resource
            .attributes
            .get(name)
            .and_then(Node::as_list)
            .unwrap_or(&[])
    }

    /// The first nested block of one type.
    pub fn block(&self, name: &str) -> Option<&'a Node> {
        self.blocks(name).first()
    }

    /// A JSON document argument (a policy) as a tree: `jsonencode(...)` and policy documents
    /// keep the lines of their parts; a heredoc or string is parsed and points at the argument.
    pub fn json(&self, node: &Node) -> Node {
        let mut doc = json_document(node, self.json_sources);
        // The document's root points at the argument, even when its parts point elsewhere (the
        // statements of a policy document data source).
        doc.span = node.span;
        doc
    }

    /// A new property map at the resource's first line.
    pub fn props(&self) -> Props {
        Props::new(self.span())
    }
}

/// A JSON document held in a string, as a node tree (see [`Source::json`]).
pub fn json_document(node: &Node, json_sources: &HashMap<String, Node>) -> Node {
    match &node.value {
        Value::String(s) => {
            if let Some(n) = json_sources.get(s) {
                return n.clone();
            }
            match serde_json::from_str::<serde_json::Value>(s) {
                Ok(j) => from_json(&j, node.span),
                Err(_) => Node::unknown("not a JSON document", node.span),
            }
        }
        Value::Unknown(s) => json_sources.get(s).cloned().unwrap_or_else(|| node.clone()),
        _ => node.clone(),
    }
}

/// A property map under construction.
pub struct Props {
    map: Map,
    span: Option<Span>,
}

impl Props {
    pub fn new(span: Option<Span>) -> Props {
        Props {
            map: Map::default(),
            span,
        }
    }

    /// Sets `key` to `value` when there is a value.
    pub fn set(&mut self, key: &str, value: Option<Node>) -> &mut Self {
        if let Some(v) = value {
            self.map.insert(key.to_string(), v);
        }
        self
    }

    /// Copies argument `from` to property `to`, unchanged.
    pub fn copy(&mut self, source: &Source, from: &str, to: &str) -> &mut Self {
        self.set(to, source.attr(from).cloned())
    }

    /// Copies several arguments: `(terraform_name, CloudFormationName)`.
    pub fn copy_all(&mut self, source: &Source, pairs: &[(&str, &str)]) -> &mut Self {
        for (from, to) in pairs {
            self.copy(source, from, to);
        }
        self
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.map.get(key)
    }

    pub fn build(self) -> Node {
        Node::new(Value::Map(self.map), self.span)
    }

    /// Finishes as the one resource of `kind`.
    pub fn into_mapped(self, kind: &'static str) -> Vec<Mapped> {
        vec![Mapped {
            kind,
            properties: self.build(),
            suffix: String::new(),
        }]
    }
}

/// Converts a string value, keeping its span; unknowns and references pass unchanged.
pub fn convert_str(node: &Node, f: impl Fn(&str) -> Option<String>) -> Node {
    match &node.value {
        Value::String(s) => match f(s) {
            Some(v) => Node::new(Value::String(v), node.span),
            None => node.clone(),
        },
        _ => node.clone(),
    }
}

/// A new map node from `(key, node)` pairs, skipping `None`s.
pub fn object(span: Option<Span>, entries: Vec<(&str, Option<Node>)>) -> Node {
    let m = entries
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect();
    Node::new(Value::Map(m), span)
}

pub fn string(s: &str, span: Option<Span>) -> Node {
    Node::new(Value::String(s.to_string()), span)
}

pub fn boolean(b: bool, span: Option<Span>) -> Node {
    Node::new(Value::Bool(b), span)
}

/// A list argument as its items; a single value as one item.
pub fn items(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::List(l) => l.iter().collect(),
        Value::Null => Vec::new(),
        _ => vec![node],
    }
}

/// Finds the subject of a joined resource and edits its properties.
pub struct Joiner<'r> {
    resources: &'r mut Vec<Resource>,
    by_address: HashMap<String, usize>,
    /// The joined resource may not exist (its `count` is known only after apply): what it sets
    /// is unknown.
    uncertain: bool,
}

impl Joiner<'_> {
    /// The resource `node` refers to (`aws_s3_bucket.x.id`), or whose `name_property` equals
    /// it (`bucket = "my-bucket"`), among resources of `kind`.
    pub fn subject(&self, node: Option<&Node>, kind: &str, name_property: &str) -> Option<usize> {
        let node = node?;
        match &node.value {
            Value::Reference(r) => self
                .by_address
                .get(&r.target)
                .copied()
                .filter(|&i| self.resources[i].kind == kind),
            Value::String(s) => self.resources.iter().position(|r| {
                r.kind == kind && r.properties.get(name_property).and_then(Node::as_str) == Some(s)
            }),
            _ => None,
        }
    }

    /// Sets a property (a path of map keys) on resource `i`, creating maps on the way.
    pub fn set(&mut self, i: usize, path: &[&str], value: Node) {
        let value = self.maybe(value);
        let mut node = &mut self.resources[i].properties;
        for (n, key) in path.iter().enumerate() {
            let span = node.span;
            if !matches!(node.value, Value::Map(_)) {
                node.value = Value::Map(Map::default());
            }
            let Value::Map(m) = &mut node.value else {
                return;
            };
            if n == path.len() - 1 {
                m.insert(key.to_string(), value);
                return;
            }
            node = m
                .entry(key.to_string())
                .or_insert_with(|| Node::new(Value::Map(Map::default()), value.span.or(span)));
        }
    }

    /// Gives every resource of `kind` without `property` the unknown `value`: a joined resource
    /// whose subject is known only after apply may configure any of them.
    pub fn unknown_on_every(&mut self, kind: &str, property: &str, value: &Node) {
        let unknown = Node::unknown(
            "configured by a resource whose subject is known only after apply",
            value.span,
        );
        for i in 0..self.resources.len() {
            if self.resources[i].kind == kind
                && self.resources[i].properties.get(property).is_none()
            {
                self.set(i, &[property], unknown.clone());
            }
        }
    }

    /// Resource `i` itself, for a join that reshapes its subject (a DynamoDB table with a
    /// replica resource becomes a global table).
    pub fn resource_mut(&mut self, i: usize) -> &mut Resource {
        &mut self.resources[i]
    }

    /// Sets a property of resource `i` unless it is already there.
    pub fn set_if_absent(&mut self, i: usize, path: &[&str], value: Node) {
        let mut node = &self.resources[i].properties;
        for key in path {
            match node.get(key) {
                Some(n) => node = n,
                None => return self.set(i, path, value),
            }
        }
    }

    /// Adds a record for a resource the configuration refers to but does not declare (a role
    /// named by an attachment), at the joined resource's address and line.
    pub fn add(&mut self, source: &Source, kind: &str, properties: Node) {
        let r = source.resource;
        let other_files = self.resources.first().and_then(|x| x.other_files.clone());
        self.by_address
            .insert(r.address.clone(), self.resources.len());
        self.resources.push(Resource {
            kind: kind.to_string(),
            address: r.address.clone(),
            properties,
            tags: BTreeMap::new(),
            origin: Origin::File {
                path: r.path.clone(),
                span: r.span,
            },
            suppressions: r.suppressions.clone(),
            other_files,
        });
    }

    fn maybe(&self, value: Node) -> Node {
        if self.uncertain {
            Node::unknown("set by a resource that may not exist", value.span)
        } else {
            value
        }
    }

    /// Appends to a list property of resource `i`.
    pub fn push(&mut self, i: usize, key: &str, value: Node) {
        if self.uncertain {
            let unknown = self.maybe(value);
            return self.set_if_absent(i, &[key], unknown);
        }
        let Value::Map(m) = &mut self.resources[i].properties.value else {
            return;
        };
        let entry = m
            .entry(key.to_string())
            .or_insert_with(|| Node::new(Value::List(Vec::new()), value.span));
        match &mut entry.value {
            Value::List(l) => l.push(value),
            _ => *entry = Node::new(Value::List(vec![value]), entry.span),
        }
    }
}

/// Maps evaluated provider resources onto records; joins are applied after every mapping.
/// Types without a mapping are left out: no rule judges them.
pub fn to_resources(
    tf: &[TfResource],
    json_sources: &HashMap<String, Node>,
    other_files: Option<Arc<Vec<String>>>,
) -> Vec<Resource> {
    let by_type: HashMap<&str, &Mapping> = mappings().map(|m| (m.tf_type, m)).collect();
    let join_by_type: HashMap<&str, &Join> = joins().map(|j| (j.tf_type, j)).collect();
    let mut out = Vec::new();
    for r in tf {
        let Some(m) = by_type.get(r.tf_type.as_str()) else {
            continue;
        };
        let source = Source {
            resource: r,
            json_sources,
        };
        for mapped in (m.map)(&source) {
            out.push(Resource {
                kind: mapped.kind.to_string(),
                address: format!("{}{}", r.address, mapped.suffix),
                tags: tags_of(source.attr("tags")),
                properties: mapped.properties,
                origin: Origin::File {
                    path: r.path.clone(),
                    span: r.span,
                },
                suppressions: r.suppressions.clone(),
                other_files: other_files.clone(),
            });
        }
    }
    let by_address = out
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            // `aws_s3_bucket.x` refers to `aws_s3_bucket.x[0]` when written without a key in
            // `count`-less code paths; the first instance stands for the block.
            let base = r
                .address
                .split('[')
                .next()
                .unwrap_or(&r.address)
                .to_string();
            [(r.address.clone(), i), (base, i)]
        })
        .rev()
        .collect();
    let mut joiner = Joiner {
        resources: &mut out,
        by_address,
        uncertain: false,
    };
    for r in tf {
        if let Some(j) = join_by_type.get(r.tf_type.as_str()) {
            joiner.uncertain = r.uncertain;
            let source = Source {
                resource: r,
                json_sources,
            };
            (j.join)(&source, &mut joiner);
        }
    }
    out
}

fn tags_of(tags: Option<&Node>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(m) = tags.and_then(Node::as_map) {
        for (k, v) in m {
            if let Some(s) = super::eval::to_string(v) {
                out.insert(k.clone(), s);
            }
        }
    }
    out
}

/// Terraform `tags = { k = v }` as CloudFormation `Tags: [{Key, Value}]`.
pub fn cfn_tags(source: &Source) -> Option<Node> {
    let tags = source.attr("tags")?;
    let m = tags.as_map()?;
    let list = m
        .iter()
        .map(|(k, v)| {
            object(
                v.span,
                vec![("Key", Some(string(k, v.span))), ("Value", Some(v.clone()))],
            )
        })
        .collect();
    Some(Node::new(Value::List(list), tags.span))
}

// ---------------------------------------------------------------------------------------------
// Helpers for nested blocks and arguments, shared by every service file.

/// Repeated nested blocks of one type, as the evaluator gives them.
pub enum Blocks<'a> {
    /// Not written, or a `dynamic` block that generated nothing.
    Absent,
    /// A `dynamic` block whose `for_each` is known only after apply.
    Unknown(&'a Node),
    /// The blocks in source order; `list` is the node holding them (its span: the first
    /// block's header, or the `dynamic` line).
    Some { list: &'a Node, blocks: &'a [Node] },
}

/// The blocks of type `name` in a block or resource body.
pub fn blocks_of<'a>(body: &'a Node, name: &str) -> Blocks<'a> {
    match body.get(name) {
        None => Blocks::Absent,
        Some(n) => match &n.value {
            Value::List(l) if l.is_empty() => Blocks::Absent,
            Value::List(l) => Blocks::Some { list: n, blocks: l },
            Value::Null => Blocks::Absent,
            _ => Blocks::Unknown(n),
        },
    }
}

/// A list property built from repeated blocks: each block converted by `f` (which may give
/// several items or none); absent without blocks, unknown for an unknown `dynamic` block.
pub fn block_list(body: &Node, name: &str, f: impl Fn(&Node) -> Vec<Node>) -> Option<Node> {
    match blocks_of(body, name) {
        Blocks::Absent => None,
        Blocks::Unknown(n) => Some(n.clone()),
        Blocks::Some { list, blocks } => Some(Node::new(
            Value::List(blocks.iter().flat_map(f).collect()),
            list.span,
        )),
    }
}

/// The first block of type `name` converted by `f`; unknown for an unknown `dynamic` block.
pub fn first_block(body: &Node, name: &str, f: impl Fn(&Node) -> Node) -> Option<Node> {
    match blocks_of(body, name) {
        Blocks::Absent => None,
        Blocks::Unknown(n) => Some(n.clone()),
        Blocks::Some { blocks, .. } => Some(f(&blocks[0])),
    }
}

/// An argument of a block, if set (and not `null`).
pub fn arg(block: &Node, name: &str) -> Option<Node> {
    block
        .get(name)
        .filter(|n| !matches!(n.value, Value::Null))
        .cloned()
}

/// A map node from `(CloudFormationName, terraform_argument)` pairs of one block.
pub fn copy_block(block: &Node, pairs: &[(&str, &str)]) -> Node {
    object(
        block.span,
        pairs
            .iter()
            .map(|(to, from)| (*to, arg(block, from)))
            .collect(),
    )
}

/// A boolean the provider schema types as a string (`"true"`, `"false"`, `""` for unset), as
/// the boolean CloudFormation has; a bool written by an expression passes as is.
pub fn string_bool(node: Option<Node>) -> Option<Node> {
    let node = node?;
    match &node.value {
        Value::String(s) if s.is_empty() => None,
        Value::String(s) if s == "true" => Some(boolean(true, node.span)),
        Value::String(s) if s == "false" => Some(boolean(false, node.span)),
        _ => Some(node),
    }
}

/// A reference to the record of `address` (a resource referring to itself, `self = true`).
pub fn reference(address: &str, attribute: &str, span: Option<vigil_model::Span>) -> Node {
    Node::new(
        Value::Reference(Reference {
            target: address.to_string(),
            attribute: Some(attribute.into()),
        }),
        span,
    )
}

/// Every nested block `name` of `parent`, each converted by `f`, as a list at `span` (`None`
/// when there are none; an unknown for a `dynamic` block known only after apply).
pub fn block_list_at(
    parent: &Node,
    name: &str,
    span: Option<Span>,
    f: impl Fn(&Node) -> Node,
) -> Option<Node> {
    match blocks_of(parent, name) {
        Blocks::Absent => None,
        Blocks::Unknown(n) => Some(n.clone()),
        Blocks::Some { blocks, .. } => {
            Some(Node::new(Value::List(blocks.iter().map(f).collect()), span))
        }
    }
}
