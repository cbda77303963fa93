//! Kubernetes manifests: every YAML document with `apiVersion` and `kind` becomes a
//! `k8s::<Kind>` resource.
//!
//! - The address is `<Kind>/<namespace>/<name>` (namespace `default` when absent; a document
//!   without a name is named by its position, `#3`).
//! - The properties are the whole manifest, so rules read `props.spec` and `props.metadata`; the
//!   tags are `metadata.labels`.
//! - The items of a `List` (`kind: List`, `PodList`, what `kubectl get -o yaml` prints) are
//!   resources of their own.
//! - Suppressions: a `# vigil:ignore RULE-ID reason` comment in the document or directly above
//!   it (above its `---` too), or the annotation `vigil.dev/ignore: "RULE-ID[,RULE-ID]: reason"`
//!   (several entries separated by `;` or new lines).
//!
//! A file none of whose documents has `apiVersion` and `kind` is not a manifest and is left
//! alone. A document that does not parse is reported and the other documents are still read;
//! an unrendered Helm template gets one diagnostic asking to render it first.

use crate::yaml::{self, YKind, YNode, YamlError};
use crate::{suppress, Loaded};
use std::collections::BTreeMap;
use vigil_model::{
    source_lines, Diagnostic, Level, Node, Origin, Resource, SourceFile, Span, Suppression,
    SuppressionKind, Value,
};

/// The annotation that suppresses findings on the object it annotates.
pub const IGNORE_ANNOTATION: &str = "vigil.dev/ignore";

/// Whether this loader reads the file: YAML or JSON with `apiVersion` and `kind`.
pub fn claims(file: &SourceFile) -> bool {
    let lower = file.path.to_ascii_lowercase();
    [".yaml", ".yml", ".json"]
        .iter()
        .any(|e| lower.ends_with(e))
        && file.text.contains("apiVersion")
        && file.text.contains("kind")
}

/// Loads a manifest with the default YAML limits.
pub fn load(file: &SourceFile) -> Loaded {
    load_with(file, yaml::Limits::default())
}

/// Loads a manifest. Diagnostics name the line; documents that can be read are kept.
pub fn load_with(file: &SourceFile, limits: yaml::Limits) -> Loaded {
    let mut reader = Reader {
        file,
        diagnostics: Vec::new(),
        resources: Vec::new(),
        lines: source_lines(&file.text),
        is_manifest: false,
    };
    let is_json = matches!(file.text.trim_start().chars().next(), Some('{' | '['));
    // JSON allows tabs where YAML does not; a tab is one byte either way, so offsets survive.
    let text: std::borrow::Cow<str> = if is_json && file.text.contains('\t') {
        file.text.replace('\t', " ").into()
    } else {
        std::borrow::Cow::Borrowed(&*file.text)
    };
    let documents = match yaml::parse(&text, limits) {
        Ok(parsed) => {
            reader.warnings(parsed.warnings);
            parsed.documents
        }
        Err(e) => {
            if let Some(line) = helm_template_line(&reader.lines) {
                return reader.helm_template(line, &e);
            }
            // Read document by document, so one broken document does not hide the others.
            let mut documents = Vec::new();
            for (first_line, chunk) in split_documents(&text) {
                match yaml::parse(&chunk, limits) {
                    Ok(parsed) => {
                        let mut warnings = parsed.warnings;
                        for w in &mut warnings {
                            w.line += first_line - 1;
                        }
                        reader.warnings(warnings);
                        documents.extend(parsed.documents.into_iter().map(|mut d| {
                            shift(&mut d, first_line - 1);
                            d
                        }));
                    }
                    Err(e) => {
                        if looks_like_manifest(&chunk) {
                            reader.is_manifest = true;
                        }
                        // Keep the document's place in the count so later names stay stable.
                        documents.push(YNode {
                            kind: YKind::Scalar {
                                text: String::new(),
                                quoted: false,
                            },
                            tag: Some(BROKEN.into()),
                            span: Span::point(first_line, 1),
                        });
                        reader.error(
                            Span::point(e.line + first_line - 1, e.column),
                            format!(
                                "cannot parse {}: {}; this document is skipped, the others are read",
                                if is_json { "JSON" } else { "YAML" },
                                e.message
                            ),
                        );
                    }
                }
            }
            documents
        }
    };
    reader.is_manifest |= documents.iter().any(|d| manifest_kind(d).is_some());
    if !reader.is_manifest {
        return Loaded::default();
    }
    for (index, doc) in documents.iter().enumerate() {
        reader.document(doc, index + 1);
    }
    Loaded {
        format: Some("kubernetes"),
        resources: reader.resources,
        diagnostics: reader.diagnostics,
        sources: Vec::new(),
    }
}

/// The tag marking a placeholder for a document that did not parse.
const BROKEN: &str = "\u{0}broken";

struct Reader<'a> {
    file: &'a SourceFile,
    diagnostics: Vec<Diagnostic>,
    resources: Vec<Resource>,
    lines: Vec<&'a str>,
    /// Some document is a manifest (or a broken document looks like one).
    is_manifest: bool,
}

impl Reader<'_> {
    fn diag(&mut self, level: Level, span: Span, message: String) {
        self.diagnostics.push(Diagnostic {
            level,
            path: self.file.path.clone(),
            line: span.start.line,
            column: span.start.column,
            message,
        });
    }

    fn error(&mut self, span: Span, message: String) {
        self.diag(Level::Error, span, message);
    }

    fn warnings(&mut self, warnings: Vec<YamlError>) {
        for w in warnings {
            self.diag(Level::Warning, Span::point(w.line, w.column), w.message);
        }
    }

    fn helm_template(mut self, line: u32, e: &YamlError) -> Loaded {
        self.error(
            Span::point(line, 1),
            format!(
                "this is an unrendered Helm template (`{{{{ ... }}}}` at line {line} breaks YAML: {} at line {}); \
                 render it with `helm template` and scan the output",
                e.message, e.line
            ),
        );
        Loaded {
            format: Some("kubernetes"),
            diagnostics: self.diagnostics,
            ..Loaded::default()
        }
    }

    /// One document of the stream (`index` counts from 1).
    fn document(&mut self, doc: &YNode, index: usize) {
        match &doc.kind {
            YKind::Scalar { .. } if doc.tag.as_deref() == Some(BROKEN) => {}
            // An empty document (`---` at the end of a file).
            YKind::Scalar {
                text,
                quoted: false,
            } if text.is_empty() || text == "~" => {}
            YKind::Scalar { .. } | YKind::Seq(_) => {
                let what = if doc.as_seq().is_some() {
                    "a list"
                } else {
                    "a scalar"
                };
                self.error(
                    doc.span,
                    format!(
                        "document {index} is {what}; a Kubernetes manifest is a mapping with `apiVersion` and `kind`"
                    ),
                );
            }
            YKind::Map(_) => {
                if !self.check_header(doc, &format!("document {index}")) {
                    return;
                }
                self.object(doc, &format!("#{index}"), None);
            }
        }
    }

    /// Whether `doc` has a string `apiVersion` and `kind`; says what is wrong otherwise.
    fn check_header(&mut self, doc: &YNode, what: &str) -> bool {
        let mut ok = true;
        for key in ["apiVersion", "kind"] {
            match doc.get(key) {
                None => {
                    self.diag(
                        Level::Warning,
                        doc.span,
                        format!("{what} has no `{key}`; it is not read as a Kubernetes object"),
                    );
                    ok = false;
                }
                Some(v) if !matches!(v.kind, YKind::Scalar { .. }) || v.as_str() == Some("") => {
                    self.error(
                        v.span,
                        format!("`{key}` of {what} must be a string; it is not read"),
                    );
                    ok = false;
                }
                Some(_) => {}
            }
        }
        ok
    }

    /// One object: a document, or an item of a `List` (`unnamed` names it when it has no name).
    fn object(&mut self, doc: &YNode, unnamed: &str, list_span: Option<Span>) {
        let kind = doc.get("kind").and_then(YNode::as_str).unwrap_or_default();
        if kind.ends_with("List") {
            if let Some(items) = doc.get("items") {
                let Some(items) = items.as_seq() else {
                    if !is_null(items) {
                        self.error(
                            items.span,
                            format!("`items` of a {kind} must be a list of objects"),
                        );
                    }
                    return;
                };
                for (i, item) in items.iter().enumerate() {
                    let what = format!("item {} of the {kind}", i + 1);
                    if item.as_map().is_none() {
                        self.error(item.span, format!("{what} must be a mapping (an object)"));
                        continue;
                    }
                    if self.check_header(item, &what) {
                        self.object(item, &format!("{unnamed}.items[{i}]"), Some(doc.span));
                    }
                }
                return;
            }
        }
        self.check_types(doc);
        let properties = doc.to_node();
        let metadata = properties.get("metadata").and_then(Node::as_map);
        let text_of = |key: &str| {
            metadata
                .and_then(|m| m.get(key))
                .and_then(Node::as_str)
                .filter(|s| !s.is_empty())
        };
        let namespace = text_of("namespace").unwrap_or("default");
        let name = text_of("name").unwrap_or(unnamed);
        let mut tags = BTreeMap::new();
        if let Some(labels) = metadata
            .and_then(|m| m.get("labels"))
            .and_then(Node::as_map)
        {
            for (k, v) in labels {
                if let Some(v) = scalar_text(v) {
                    tags.insert(k.clone(), v);
                }
            }
        }
        // Comments in the object, or above it (and above its `---`); an item of a List also
        // takes those of its List.
        let (first, last) = match list_span {
            Some(l) => (l.start.line, doc.span.end.line),
            None => (self.block_start(doc.span.start.line), doc.span.end.line),
        };
        let mut suppressions = if list_span.is_some() {
            // Comments inside the item, plus those heading the whole List.
            let mut s = suppress::for_block_in_lines(
                &self.lines,
                doc.span.start.line,
                doc.span.end.line,
                &["#"],
            );
            s.extend(suppress::for_block_in_lines(
                &self.lines,
                self.block_start(first),
                first,
                &["#"],
            ));
            s
        } else {
            suppress::for_block_in_lines(&self.lines, first, last, &["#"])
        };
        suppressions.extend(annotation_suppressions(metadata));
        self.resources.push(Resource {
            kind: format!("k8s::{kind}"),
            address: format!("{kind}/{namespace}/{name}"),
            properties,
            tags,
            origin: Origin::File {
                path: self.file.path.clone(),
                span: Some(doc.span),
            },
            suppressions,
            other_files: None,
        });
    }

    /// The first line of a document's block: the line of the `---` right above it, if any, so
    /// comments above the marker belong to the document below it.
    fn block_start(&self, line: u32) -> u32 {
        let mut i = line as usize - 1; // 0-based index of the document's first line
        while i > 0 {
            let above = self.lines.get(i - 1).map_or("", |l| l.trim_start());
            if above.starts_with('#') {
                i -= 1;
            } else if is_document_marker(above) {
                return i as u32; // the 1-based line of the marker
            } else {
                break;
            }
        }
        line
    }

    /// Reports values of the wrong type where rules look (a pod spec, its containers, their
    /// security contexts): the API server would reject them, and a rule cannot judge them.
    fn check_types(&mut self, doc: &YNode) {
        self.expect_map(doc, &["metadata"]);
        self.expect_map(doc, &["metadata", "labels"]);
        self.expect_map(doc, &["metadata", "annotations"]);
        let kind = doc.get("kind").and_then(YNode::as_str).unwrap_or_default();
        let Some(path) = vigil_model::pod_spec_path(kind) else {
            return;
        };
        for depth in 1..=path.len() {
            if !self.expect_map(doc, &path[..depth]) {
                return;
            }
        }
        let Some(spec) = at(doc, path) else { return };
        self.expect_map(spec, &["securityContext"]);
        self.expect_list_of_maps(spec, "volumes", "volume");
        for key in ["initContainers", "containers", "ephemeralContainers"] {
            if !self.expect_list_of_maps(spec, key, "container") {
                continue;
            }
            for c in spec.get(key).and_then(YNode::as_seq).unwrap_or_default() {
                if c.as_map().is_none() {
                    continue;
                }
                self.expect_map(c, &["securityContext"]);
                self.expect_map(c, &["securityContext", "capabilities"]);
                self.expect_map(c, &["resources"]);
                self.expect_list_of_maps(c, "env", "environment variable");
                self.expect_list_of_maps(c, "ports", "port");
                self.expect_list_of_maps(c, "volumeMounts", "volume mount");
                if let Some(caps) = at(c, &["securityContext", "capabilities"]) {
                    for k in ["add", "drop"] {
                        if let Some(v) = caps.get(k) {
                            if v.as_seq().is_none() && !is_null(v) {
                                self.error(
                                    v.span,
                                    format!(
                                        "`capabilities.{k}` must be a list of capability names"
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether `path` under `node` is a mapping or absent; reports it otherwise.
    fn expect_map(&mut self, node: &YNode, path: &[&str]) -> bool {
        match at(node, path) {
            None => true,
            Some(v) if v.as_map().is_some() || is_null(v) => true,
            Some(v) => {
                let key = path.join(".");
                self.error(
                    v.span,
                    format!("`{key}` must be a mapping, found {}", describe(v)),
                );
                false
            }
        }
    }

    /// Whether `key` of `node` is absent or a list of mappings; reports what is not.
    fn expect_list_of_maps(&mut self, node: &YNode, key: &str, item: &str) -> bool {
        let Some(v) = node.get(key) else { return true };
        if is_null(v) {
            return true;
        }
        let Some(items) = v.as_seq() else {
            self.error(
                v.span,
                format!("`{key}` must be a list of {item}s, found {}", describe(v)),
            );
            return false;
        };
        for i in items {
            if i.as_map().is_none() {
                self.error(
                    i.span,
                    format!(
                        "each item of `{key}` must be a mapping (a {item}), found {}",
                        describe(i)
                    ),
                );
            }
        }
        true
    }
}

fn at<'n>(node: &'n YNode, path: &[&str]) -> Option<&'n YNode> {
    path.iter().try_fold(node, |n, k| n.get(k))
}

fn is_null(node: &YNode) -> bool {
    matches!(node.scalar(), Some(yaml::Scalar::Null))
}

fn describe(node: &YNode) -> String {
    match &node.kind {
        YKind::Scalar { text, .. } => format!("the scalar `{}`", truncate(text)),
        YKind::Seq(_) => "a list".into(),
        YKind::Map(_) => "a mapping".into(),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}...", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn scalar_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The `kind` of a document that is a Kubernetes object (`apiVersion` and `kind` at the top).
fn manifest_kind(doc: &YNode) -> Option<&str> {
    doc.get("apiVersion")?;
    doc.get("kind")?.as_str()
}

/// Whether a document that does not parse names `apiVersion` and `kind` at its top level.
fn looks_like_manifest(text: &str) -> bool {
    let top = |key: &str| text.lines().any(|l| l.starts_with(key));
    top("apiVersion:") && top("kind:")
}

fn is_document_marker(line: &str) -> bool {
    line.strip_prefix("---")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '#']))
}

/// The first line holding a Helm template action (`{{ ... }}`) outside comments.
fn helm_template_line(lines: &[&str]) -> Option<u32> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let t = l.trim_start();
        (!t.starts_with('#') && t.contains("{{") && t.contains("}}")).then_some(i as u32 + 1)
    })
}

/// The documents of a stream as `(first line, text)`, split at `---` lines: the fallback when
/// the stream as a whole does not parse.
fn split_documents(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut first = 1u32;
    for (i, line) in source_lines(text).iter().enumerate() {
        if is_document_marker(line) && i > 0 {
            if !current.trim().is_empty() {
                out.push((first, std::mem::take(&mut current)));
            }
            current.clear();
            first = i as u32 + 1;
        }
        current.push_str(line);
        current.push('\n');
    }
    if !current.trim().is_empty() {
        out.push((first, current));
    }
    out
}

/// Moves every span of a tree down by `lines`: a document parsed apart from its stream.
fn shift(node: &mut YNode, lines: u32) {
    node.span.start.line += lines;
    node.span.end.line += lines;
    match &mut node.kind {
        YKind::Scalar { .. } => {}
        YKind::Seq(items) => items.iter_mut().for_each(|n| shift(n, lines)),
        YKind::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift(k, lines);
            shift(v, lines);
        }),
    }
}

/// Suppressions written in the `vigil.dev/ignore` annotation: entries separated by `;` or new
/// lines, each `RULE-ID[,RULE-ID]: reason` (or `RULE-ID reason`).
fn annotation_suppressions(metadata: Option<&vigil_model::Map>) -> Vec<Suppression> {
    let Some(text) = metadata
        .and_then(|m| m.get("annotations"))
        .and_then(|a| a.get(IGNORE_ANNOTATION))
        .and_then(Node::as_str)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in text.split([';', '\n']).map(str::trim) {
        if entry.is_empty() {
            continue;
        }
        // `IDS: reason` when what precedes the first colon is only ids, else `ID reason`.
        let (ids, reason) = match entry.split_once(':') {
            Some((ids, reason))
                if ids.split(',').all(|id| {
                    !id.trim().is_empty() && !id.trim().contains(char::is_whitespace)
                }) =>
            {
                (ids, reason)
            }
            _ => entry.split_once(char::is_whitespace).unwrap_or((entry, "")),
        };
        for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            out.push(Suppression {
                kind: SuppressionKind::Inline,
                rule: id.to_string(),
                reason: if reason.trim().is_empty() {
                    "no reason given".into()
                } else {
                    reason.trim().to_string()
                },
            });
        }
    }
    out
}
