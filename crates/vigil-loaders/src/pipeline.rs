//! CI pipeline files: GitHub Actions workflows and actions, GitLab CI, AWS CodeBuild buildspecs.
//!
//! Each file becomes one resource whose address is the file's path and whose properties are the
//! document as written (anchors, aliases and `<<` merge keys applied). Rules reach jobs, steps,
//! scripts and variables through helper functions rather than a reshaped tree, so a finding
//! points at the line it is about. The loader checks the structure the rules rely on (`jobs` a
//! mapping, `steps` a list, `${{ }}` expressions closed) and reports what it cannot read.

use crate::yaml::{self, YKind, YNode};
use crate::{suppress, Loaded};
use vigil_model::{Diagnostic, Level, Origin, Resource, SourceFile, Span, GITLAB_KEYWORDS};

/// The kinds of pipeline file, by where they live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineKind {
    /// `.github/workflows/*.yml`
    GithubWorkflow,
    /// `action.yml` / `action.yaml` anywhere: a GitHub action's metadata.
    GithubAction,
    /// `.gitlab-ci.yml`, `*.gitlab-ci.yml`
    GitlabPipeline,
    /// `buildspec*.yml`
    Buildspec,
}

impl PipelineKind {
    /// The resource kind rules name.
    pub fn resource_kind(self) -> &'static str {
        match self {
            PipelineKind::GithubWorkflow => "github::Workflow",
            PipelineKind::GithubAction => "github::Action",
            PipelineKind::GitlabPipeline => "gitlab::Pipeline",
            PipelineKind::Buildspec => "codebuild::Buildspec",
        }
    }

    /// The input format reported for the file.
    pub fn format(self) -> &'static str {
        match self {
            PipelineKind::GithubWorkflow | PipelineKind::GithubAction => "github-actions",
            PipelineKind::GitlabPipeline => "gitlab-ci",
            PipelineKind::Buildspec => "buildspec",
        }
    }
}

/// The kind of pipeline file at `path` (`/`-separated), from its folder and name.
pub fn kind_of(path: &str) -> Option<PipelineKind> {
    let path = path.replace('\\', "/");
    let mut parts = path.rsplit('/');
    let name = parts.next()?;
    let parent = parts.next();
    let grandparent = parts.next();
    let lower = name.to_ascii_lowercase();
    let yaml_ext = lower.ends_with(".yml") || lower.ends_with(".yaml");
    if !yaml_ext {
        return None;
    }
    // Only files directly in `.github/workflows` are workflows; GitHub ignores subfolders.
    if parent == Some("workflows") && grandparent == Some(".github") {
        return Some(PipelineKind::GithubWorkflow);
    }
    if lower == "action.yml" || lower == "action.yaml" {
        return Some(PipelineKind::GithubAction);
    }
    if lower == ".gitlab-ci.yml"
        || lower == ".gitlab-ci.yaml"
        || lower.ends_with(".gitlab-ci.yml")
        || lower.ends_with(".gitlab-ci.yaml")
    {
        return Some(PipelineKind::GitlabPipeline);
    }
    if lower.starts_with("buildspec") {
        return Some(PipelineKind::Buildspec);
    }
    None
}

/// Whether this loader reads the file (by where it lives and its name).
pub fn claims(file: &SourceFile) -> bool {
    kind_of(&file.path).is_some()
}

/// Loads a pipeline file.
pub fn load(file: &SourceFile) -> Loaded {
    let Some(kind) = kind_of(&file.path) else {
        return Loaded::default();
    };
    let mut loaded = Loaded {
        format: Some(kind.format()),
        ..Loaded::default()
    };
    let mut diags = Diags {
        path: &file.path,
        out: &mut loaded.diagnostics,
    };
    let parsed = match yaml::parse(&file.text, yaml::Limits::default()) {
        Ok(p) => p,
        Err(e) => {
            diags.at(
                Level::Error,
                e.line,
                e.column,
                format!("cannot parse YAML: {}", e.message),
            );
            return loaded;
        }
    };
    for w in &parsed.warnings {
        diags.at(Level::Warning, w.line, w.column, w.message.clone());
    }
    let mut documents = parsed.documents.into_iter().peekable();
    // A GitLab CI component starts with a header document holding only `spec:`; the
    // configuration is the document after it.
    if kind == PipelineKind::GitlabPipeline
        && documents.peek().is_some_and(|d| {
            d.as_map()
                .is_some_and(|m| m.len() == 1 && m[0].0.as_str() == Some("spec"))
        })
    {
        documents.next();
    }
    let Some(root) = documents.next() else {
        diags.at(
            Level::Warning,
            0,
            0,
            format!("the file is empty: expected {}", expected_root(kind)),
        );
        return loaded;
    };
    if let Some(extra) = documents.next() {
        diags.span(
            Level::Warning,
            extra.span,
            "a second YAML document: only the first is read".into(),
        );
    }
    if !matches!(root.kind, YKind::Map(_)) {
        let what = if matches!(root.kind, YKind::Seq(_)) {
            "a list"
        } else {
            "a scalar"
        };
        diags.span(
            Level::Error,
            root.span,
            format!("the document is {what}: expected {}", expected_root(kind)),
        );
        return loaded;
    }
    match kind {
        PipelineKind::GithubWorkflow => check_workflow(&root, &mut diags),
        PipelineKind::GithubAction => check_action(&root, &mut diags),
        PipelineKind::GitlabPipeline => check_gitlab(&root, &mut diags),
        PipelineKind::Buildspec => check_buildspec(&root, &mut diags),
    }
    if matches!(
        kind,
        PipelineKind::GithubWorkflow | PipelineKind::GithubAction
    ) {
        let lines = vigil_model::source_lines(&file.text);
        check_expressions(&root, &lines, &mut diags);
    }
    let span = Span::new(root.span.start, root.span.end);
    let last_line = file.text.lines().count().max(1) as u32;
    // The file is one resource, so a suppression comment anywhere in it covers the file.
    let suppressions = suppress::for_block(&file.text, 1, last_line, &["#"]);
    loaded.resources.push(Resource {
        kind: kind.resource_kind().to_string(),
        address: file.path.clone(),
        properties: root.to_node(),
        tags: Default::default(),
        origin: Origin::File {
            path: file.path.clone(),
            span: Some(span),
        },
        suppressions,
        other_files: None,
    });
    loaded
}

fn expected_root(kind: PipelineKind) -> &'static str {
    match kind {
        PipelineKind::GithubWorkflow => "a workflow, a mapping with `on` and `jobs`",
        PipelineKind::GithubAction => "an action's metadata, a mapping with `runs`",
        PipelineKind::GitlabPipeline => "a GitLab CI configuration, a mapping of jobs and keywords",
        PipelineKind::Buildspec => "a buildspec, a mapping with `version` and `phases`",
    }
}

struct Diags<'a> {
    path: &'a str,
    out: &'a mut Vec<Diagnostic>,
}

impl Diags<'_> {
    fn at(&mut self, level: Level, line: u32, column: u32, message: String) {
        self.out.push(Diagnostic {
            level,
            path: self.path.to_string(),
            line,
            column,
            message,
        });
    }

    fn span(&mut self, level: Level, span: Span, message: String) {
        self.at(level, span.start.line, span.start.column, message);
    }
}

fn type_name(n: &YNode) -> &'static str {
    match n.kind {
        YKind::Map(_) => "a mapping",
        YKind::Seq(_) => "a list",
        YKind::Scalar { .. } => "a scalar",
    }
}

/// The entry for `key` with its key node, for diagnostics that point at the key.
fn entry<'a>(map: &'a YNode, key: &str) -> Option<(&'a YNode, &'a YNode)> {
    map.as_map()?
        .iter()
        .rev()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(k, v)| (k, v))
}

fn check_steps(steps: &YNode, owner: &str, diags: &mut Diags) {
    let Some(items) = steps.as_seq() else {
        diags.span(
            Level::Error,
            steps.span,
            format!(
                "`steps` of {owner} is {}: expected a list of steps",
                type_name(steps)
            ),
        );
        return;
    };
    for (i, step) in items.iter().enumerate() {
        if step.as_map().is_none() {
            diags.span(
                Level::Error,
                step.span,
                format!(
                    "step {} of {owner} is {}: expected a mapping with `uses` or `run`",
                    i + 1,
                    type_name(step)
                ),
            );
        }
    }
}

fn check_workflow(root: &YNode, diags: &mut Diags) {
    if root.get("on").is_none() {
        diags.span(
            Level::Warning,
            root.span,
            "the workflow has no `on`: expected the events that trigger it".into(),
        );
    }
    let Some((jobs_key, jobs)) = entry(root, "jobs") else {
        diags.span(
            Level::Warning,
            root.span,
            "the workflow has no `jobs`: expected a mapping of job ids to jobs".into(),
        );
        return;
    };
    let Some(entries) = jobs.as_map() else {
        diags.span(
            Level::Error,
            jobs_key.span,
            format!(
                "`jobs` is {}: expected a mapping of job ids to jobs",
                type_name(jobs)
            ),
        );
        return;
    };
    for (id, job) in entries {
        let name = id.as_str().unwrap_or("?");
        if job.as_map().is_none() {
            diags.span(
                Level::Error,
                id.span,
                format!("job `{name}` is {}: expected a mapping", type_name(job)),
            );
            continue;
        }
        if let Some(steps) = job.get("steps") {
            check_steps(steps, &format!("job `{name}`"), diags);
        }
    }
}

fn check_action(root: &YNode, diags: &mut Diags) {
    let Some((runs_key, runs)) = entry(root, "runs") else {
        diags.span(
            Level::Warning,
            root.span,
            "the action has no `runs`: expected `runs.using` and, for a composite action, `runs.steps`"
                .into(),
        );
        return;
    };
    if runs.as_map().is_none() {
        diags.span(
            Level::Error,
            runs_key.span,
            format!("`runs` is {}: expected a mapping", type_name(runs)),
        );
        return;
    }
    if let Some(steps) = runs.get("steps") {
        check_steps(steps, "the composite action", diags);
    }
}

fn check_script(value: &YNode, what: &str, diags: &mut Diags) {
    let ok = match &value.kind {
        YKind::Scalar { .. } => true,
        // Lists may nest once anchors of script lists are spliced in (`- *setup`).
        YKind::Seq(items) => items
            .iter()
            .all(|i| matches!(i.kind, YKind::Scalar { .. } | YKind::Seq(_))),
        YKind::Map(_) => false,
    };
    if !ok {
        diags.span(
            Level::Error,
            value.span,
            format!(
                "`{what}` is {}: expected a command or a list of commands",
                type_name(value)
            ),
        );
    }
}

fn check_gitlab(root: &YNode, diags: &mut Diags) {
    for (k, v) in root.as_map().unwrap_or(&[]) {
        let Some(name) = k.as_str() else { continue };
        if GITLAB_KEYWORDS.contains(&name) {
            if matches!(name, "before_script" | "after_script") {
                check_script(v, name, diags);
            }
            continue;
        }
        // Hidden keys (`.name`) often hold only anchors: lists of commands, variables.
        if v.as_map().is_none() && !name.starts_with('.') {
            diags.span(
                Level::Error,
                k.span,
                format!(
                    "job `{name}` is {}: expected a mapping with `script`",
                    type_name(v)
                ),
            );
            continue;
        }
        for key in ["before_script", "script", "after_script"] {
            if let Some(s) = v.get(key) {
                check_script(s, &format!("{name}.{key}"), diags);
            }
        }
    }
}

fn check_buildspec(root: &YNode, diags: &mut Diags) {
    if root.get("version").is_none() {
        diags.span(
            Level::Warning,
            root.span,
            "the buildspec has no `version`: expected `version: 0.2`".into(),
        );
    }
    if let Some((env_key, env)) = entry(root, "env") {
        match env.as_map() {
            None if !matches!(env.scalar(), Some(yaml::Scalar::Null)) => diags.span(
                Level::Error,
                env_key.span,
                format!("`env` is {}: expected a mapping", type_name(env)),
            ),
            _ => {
                for key in ["variables", "parameter-store", "secrets-manager"] {
                    if let Some((k, v)) = entry(env, key) {
                        if v.as_map().is_none() {
                            diags.span(
                                Level::Error,
                                k.span,
                                format!(
                                    "`env.{key}` is {}: expected a mapping of names to values",
                                    type_name(v)
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    let Some((phases_key, phases)) = entry(root, "phases") else {
        return;
    };
    let Some(entries) = phases.as_map() else {
        diags.span(
            Level::Error,
            phases_key.span,
            format!(
                "`phases` is {}: expected a mapping of phase names (`install`, `build`...)",
                type_name(phases)
            ),
        );
        return;
    };
    for (name, phase) in entries {
        let name = name.as_str().unwrap_or("?");
        for key in ["commands", "finally"] {
            if let Some((k, list)) = entry(phase, key) {
                let ok = list
                    .as_seq()
                    .is_some_and(|l| l.iter().all(|c| matches!(c.kind, YKind::Scalar { .. })));
                if !ok {
                    diags.span(
                        Level::Error,
                        k.span,
                        format!("`phases.{name}.{key}` must be a list of commands"),
                    );
                }
            }
        }
    }
}

/// Expressions longer than this are reported: real ones are a few dozen characters.
const LONG_EXPRESSION: usize = 4_096;
/// Problems reported per file at most: a generated file may repeat one mistake many times.
const MAX_EXPRESSION_DIAGNOSTICS: usize = 20;

/// One `${{ }}` found in a string.
#[derive(Debug, PartialEq)]
pub struct Expression<'s> {
    /// Byte offset of `${{` in the string.
    pub start: usize,
    /// The text between the braces (to the end of the string when unterminated).
    pub body: &'s str,
    pub terminated: bool,
    /// Another `${{` inside it: GitHub expressions do not nest.
    pub nested: bool,
}

/// The `${{ }}` expressions of a string. A `}}` inside a quoted string literal does not end
/// the expression.
pub fn expressions(s: &str) -> Vec<Expression<'_>> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = s[i..].find("${{") {
        let start = i + found;
        let body_start = start + 3;
        let mut j = body_start;
        let mut in_string = false;
        let mut nested = false;
        let mut end = None;
        while j < bytes.len() {
            match bytes[j] {
                b'\'' if in_string && bytes.get(j + 1) == Some(&b'\'') => j += 1,
                b'\'' => in_string = !in_string,
                b'}' if !in_string && bytes.get(j + 1) == Some(&b'}') => {
                    end = Some(j);
                    break;
                }
                b'$' if !in_string && s[j..].starts_with("${{") => nested = true,
                _ => {}
            }
            j += 1;
        }
        let (body_end, next) = match end {
            Some(e) => (e, e + 2),
            None => (bytes.len(), bytes.len()),
        };
        out.push(Expression {
            start,
            body: &s[body_start..body_end],
            terminated: end.is_some(),
            nested,
        });
        i = next;
        if i >= bytes.len() {
            break;
        }
    }
    out
}

fn check_expressions(root: &YNode, lines: &[&str], diags: &mut Diags) {
    let mut reported = 0usize;
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match &n.kind {
            YKind::Seq(items) => stack.extend(items.iter().rev()),
            YKind::Map(entries) => {
                for (k, v) in entries.iter().rev() {
                    stack.push(v);
                    stack.push(k);
                }
            }
            YKind::Scalar { text, .. } => {
                if !text.contains("${{") {
                    continue;
                }
                for e in expressions(text) {
                    let problem = if !e.terminated {
                        "an unterminated `${{` expression: expected `}}` to close it".to_string()
                    } else if e.nested {
                        "`${{` inside an expression: expressions do not nest; close the first with `}}`"
                            .to_string()
                    } else if e.body.len() > LONG_EXPRESSION {
                        format!(
                            "an expression of {} characters: expected a short `${{{{ }}}}` expression",
                            e.body.len()
                        )
                    } else {
                        continue;
                    };
                    if reported == MAX_EXPRESSION_DIAGNOSTICS {
                        diags.span(
                            Level::Warning,
                            n.span,
                            "more malformed expressions in this file are not reported".into(),
                        );
                        return;
                    }
                    reported += 1;
                    let (line, column) = locate_in_scalar(n, text, e.start, lines);
                    diags.at(Level::Warning, line, column, problem);
                }
            }
        }
    }
}

/// The source line and column of byte `offset` of a scalar's text. Block and folded scalars
/// lose their indentation and line breaks, so the line is found by looking for the text that
/// follows the offset in the lines the scalar spans.
fn locate_in_scalar(n: &YNode, text: &str, offset: usize, lines: &[&str]) -> (u32, u32) {
    let needle: String = text[offset..].chars().take(24).collect();
    let needle = needle.lines().next().unwrap_or("");
    let first = n.span.start.line.max(1);
    let last = n.span.end.line.max(first);
    let preceding = text[..offset].matches(needle).count();
    let mut seen = 0;
    for line_no in first..=last {
        let Some(line) = lines.get(line_no as usize - 1) else {
            break;
        };
        let mut from = 0;
        while let Some(at) = line[from..].find(needle) {
            if seen == preceding {
                let column = line[..from + at].chars().count() as u32 + 1;
                return (line_no, column);
            }
            seen += 1;
            from += at + needle.len().max(1);
        }
    }
    (n.span.start.line, n.span.start.column)
}
