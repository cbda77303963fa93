//! Dockerfiles (`Dockerfile`, `*.dockerfile`, `Containerfile`): one `docker::Dockerfile`
//! resource per file.
//!
//! The syntax (parser directives, line continuations with the `# escape=` character,
//! here-documents, exec and shell forms, flags) is read by the `parse-dockerfile` crate; this
//! module turns its instructions into the model documented in `docs/dockerfile.md`: stages,
//! their instructions with `ARG`/`ENV` substituted where the file alone knows the value, and
//! each stage's effective `USER`.
//!
//! The parser stops at the first error. To keep what follows a bad instruction, the loader
//! reports the error, blanks that instruction's lines (keeping byte offsets, so every span still
//! points into the file as written) and parses again.

use crate::Loaded;
use indexmap::IndexMap;
use parse_dockerfile as pd;
use vigil_model::{Diagnostic, Level, Map, Node, Origin, Resource, SourceFile, Span, Value};

/// The resource kind of a Dockerfile.
pub const KIND: &str = "docker::Dockerfile";

/// Errors reported per file before the loader gives up on the rest.
const MAX_ERRORS: usize = 50;

/// Whether a file name is a Dockerfile's: `Dockerfile`, `Dockerfile.<anything>`,
/// `<anything>.dockerfile`, `Containerfile` (any case).
pub fn is_dockerfile_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "dockerfile"
        || lower == "containerfile"
        || lower.starts_with("dockerfile.")
        || lower.starts_with("containerfile.")
        || lower.ends_with(".dockerfile")
        || lower.ends_with(".containerfile")
}

/// Whether this loader reads the file (by its name).
pub fn claims(file: &SourceFile) -> bool {
    let name = file.path.rsplit('/').next().unwrap_or(&file.path);
    is_dockerfile_name(name)
}

/// Loads a Dockerfile.
pub fn load(file: &SourceFile) -> Loaded {
    let original: &str = &file.text;
    // The parser skips a byte-order mark; offsets are then relative to the text after it.
    let text = original.strip_prefix('\u{feff}').unwrap_or(original);
    let lines = Lines::new(text);
    let mut diagnostics = Vec::new();
    let mut work = text.to_string();
    let mut complete = false;
    for _ in 0..MAX_ERRORS {
        let Some(error) = first_error(&work) else {
            complete = true;
            break;
        };
        if error.line == 0 {
            diagnostics.push(diagnostic(file, 0, 0, error.message));
            complete = true;
            break;
        }
        let (first, last) = error_lines(&work, &lines, &error);
        // Reported where the instruction at fault starts: an unterminated here-document is
        // only noticed at the end of the file.
        diagnostics.push(diagnostic(
            file,
            first as u32,
            lines.first_column(&work, first),
            error.message,
        ));
        if !blank_lines(&mut work, &lines, first, last) {
            break;
        }
    }
    if !complete {
        diagnostics.push(diagnostic(
            file,
            0,
            0,
            format!(
                "stopped reading after {MAX_ERRORS} errors; later instructions are not checked"
            ),
        ));
    }
    let escape = escape_directive(&work);
    let instructions: Vec<_> = match pd::parse_iter(&work) {
        Ok(iter) => iter.map_while(Result::ok).collect(),
        Err(_) => Vec::new(),
    };
    let mut builder = Builder::new(&work, &lines, escape);
    for instruction in &instructions {
        builder.add(instruction);
    }
    for (line, message) in builder.problems.clone() {
        diagnostics.push(diagnostic(
            file,
            line,
            lines.first_column(text, line as usize),
            message,
        ));
    }
    for (line, name) in builder.duplicate_names.clone() {
        diagnostics.push(Diagnostic {
            level: Level::Warning,
            path: file.path.clone(),
            line,
            column: lines.first_column(text, line as usize),
            message: format!("stage name `{name}` is used by an earlier stage too; `--from={name}` and `FROM {name}` name the first"),
        });
    }
    let properties = builder.finish();
    let suppressions = original
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .flat_map(crate::suppress::parse_line)
        .collect();
    let resource = Resource {
        kind: KIND.to_string(),
        address: file.path.clone(),
        properties,
        tags: Default::default(),
        origin: Origin::File {
            path: file.path.clone(),
            span: Some(Span::point(1, 1)),
        },
        suppressions,
        other_files: None,
    };
    Loaded {
        format: Some("dockerfile"),
        resources: vec![resource],
        diagnostics,
        sources: Vec::new(),
    }
}

fn diagnostic(file: &SourceFile, line: u32, column: u32, message: String) -> Diagnostic {
    Diagnostic {
        level: Level::Error,
        path: file.path.clone(),
        line,
        column,
        message,
    }
}

/// The escape character: `\\`, or a backtick set by a `# escape=` parser directive (directives
/// are comments of the form `# key=value` at the very top of the file).
fn escape_directive(text: &str) -> char {
    for line in text.lines() {
        let Some(directive) = line.trim_start().strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = directive.split_once('=') else {
            break;
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            break;
        }
        if key.eq_ignore_ascii_case("escape") {
            return if value.trim() == "`" { '`' } else { '\\' };
        }
    }
    '\\'
}

struct ParseError {
    message: String,
    /// 1-based; 0 when about the whole file.
    line: usize,
    /// Byte offset where the last instruction read without error ends.
    resume: usize,
}

/// The first error the parser meets in `text`, if any.
fn first_error(text: &str) -> Option<ParseError> {
    let convert = |e: pd::Error, resume: usize| {
        let message = format!("{e:#}");
        let message = if message == "expected FROM" {
            "expected FROM before this instruction (only ARG may come before the first FROM)"
                .to_string()
        } else if message == "expected at least one FROM instruction" {
            "expected at least one FROM instruction: the file builds no image".to_string()
        } else {
            message
        };
        ParseError {
            message,
            line: e.line(),
            resume,
        }
    };
    let iter = match pd::parse_iter(text) {
        Ok(iter) => iter,
        Err(e) => return Some(convert(e, 0)),
    };
    let mut resume = 0;
    for result in iter {
        match result {
            Ok(instruction) => resume = resume.max(extent(&instruction).1),
            Err(e) => return Some(convert(e, resume)),
        }
    }
    None
}

/// The lines of the instruction at fault: from the first line after the last good instruction
/// that holds something other than a comment, to the error's line and the lines it continues on.
fn error_lines(work: &str, lines: &Lines, error: &ParseError) -> (usize, usize) {
    let mut first = lines.line_of(error.resume);
    // The rest of the line where the last good instruction ended belongs to it (a
    // here-document's terminator, a trailing space).
    if error.resume > 0 {
        first += 1;
    }
    while first < error.line {
        let l = lines.text(work, first).trim();
        if l.is_empty() || l.starts_with('#') {
            first += 1;
        } else {
            break;
        }
    }
    let first = first.min(error.line).max(1);
    let mut last = error.line;
    while last < lines.count() && continues(lines.text(work, last)) {
        last += 1;
    }
    (first, last)
}

fn continues(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with('\\') || t.ends_with('`')
}

/// Replaces lines `first..=last` by spaces; false when they held nothing to remove.
fn blank_lines(work: &mut String, lines: &Lines, first: usize, last: usize) -> bool {
    let start = lines.start(first);
    let end = lines.end(last);
    if start >= end || work[start..end].trim().is_empty() {
        return false;
    }
    let blanks: String = work[start..end]
        .bytes()
        .map(|b| {
            if b == b'\n' || b == b'\r' {
                b as char
            } else {
                ' '
            }
        })
        .collect();
    work.replace_range(start..end, &blanks);
    true
}

/// Line starts of a text, for turning byte offsets into lines and columns.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            starts,
            len: text.len(),
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    fn start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.len)
    }

    /// Offset of the end of a line, its newline excluded.
    fn end(&self, line: usize) -> usize {
        self.starts
            .get(line)
            .map(|s| s - 1)
            .unwrap_or(self.len)
            .max(self.start(line))
    }

    fn text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        text.get(self.start(line)..self.end(line)).unwrap_or("")
    }

    fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.start(line).min(offset);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line as u32, column as u32)
    }

    /// Column of the first non-blank character of a line.
    fn first_column(&self, text: &str, line: usize) -> u32 {
        let l = self.text(text, line);
        (l.chars().take_while(|c| c.is_whitespace()).count() + 1) as u32
    }
}

/// Byte range an instruction covers, from its keyword to its last argument or here-document.
fn extent(i: &pd::Instruction<'_>) -> (usize, usize) {
    use pd::Instruction as I;
    let cmd_end = |c: &pd::Command<'_>| match c {
        pd::Command::Exec(e) => e.span.end,
        pd::Command::Shell(s) => s.span.end,
        _ => 0,
    };
    let sources_end = |src: &[pd::Source<'_>]| {
        src.iter()
            .map(|s| match s {
                pd::Source::Path(p) => p.span.end,
                pd::Source::HereDoc(h) => h.span.end,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    };
    match i {
        I::Add(a) => (a.add.span.start, a.dest.span.end.max(sources_end(&a.src))),
        I::Copy(c) => (c.copy.span.start, c.dest.span.end.max(sources_end(&c.src))),
        I::Arg(a) => (a.arg.span.start, a.arguments.span.end),
        I::Cmd(c) => (c.cmd.span.start, cmd_end(&c.arguments)),
        I::Entrypoint(e) => (e.entrypoint.span.start, cmd_end(&e.arguments)),
        I::Env(e) => (e.env.span.start, e.arguments.span.end),
        I::Expose(e) => (
            e.expose.span.start,
            e.arguments
                .iter()
                .map(|a| a.span.end)
                .max()
                .unwrap_or(e.expose.span.end),
        ),
        I::From(f) => (
            f.from.span.start,
            f.as_.as_ref().map_or(f.image.span.end, |(_, n)| n.span.end),
        ),
        I::Healthcheck(h) => (
            h.healthcheck.span.start,
            match &h.arguments {
                pd::HealthcheckArguments::Cmd { arguments, .. } => cmd_end(arguments),
                pd::HealthcheckArguments::None { none, .. } => none.span.end,
                _ => h.healthcheck.span.end,
            },
        ),
        I::Label(l) => (l.label.span.start, l.arguments.span.end),
        I::Maintainer(m) => (m.maintainer.span.start, m.name.span.end),
        I::Onbuild(o) => (o.onbuild.span.start, extent(&o.instruction).1),
        I::Run(r) => (
            r.run.span.start,
            r.here_docs
                .iter()
                .map(|h| h.span.end)
                .max()
                .unwrap_or(0)
                .max(cmd_end(&r.arguments)),
        ),
        I::Shell(s) => (
            s.shell.span.start,
            s.arguments
                .iter()
                .map(|a| a.span.end)
                .max()
                .unwrap_or(s.shell.span.end),
        ),
        I::Stopsignal(s) => (s.stopsignal.span.start, s.arguments.span.end),
        I::User(u) => (u.user.span.start, u.arguments.span.end),
        I::Volume(v) => (
            v.volume.span.start,
            match &v.arguments {
                pd::JsonOrStringArray::Json(j) => j.span.end,
                pd::JsonOrStringArray::String(s) => s
                    .iter()
                    .map(|a| a.span.end)
                    .max()
                    .unwrap_or(v.volume.span.end),
            },
        ),
        I::Workdir(w) => (w.workdir.span.start, w.arguments.span.end),
        _ => (0, 0),
    }
}

/// Known values of variables: `None` is a variable declared without a value the file knows
/// (a build argument without default).
type Vars = IndexMap<String, Option<String>>;

/// Substitutes `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME:+word}` (and the forms without the
/// colon) as Docker does. `None` when a variable the result depends on is unknown or undeclared
/// (it may come from the base image or the build command).
pub fn expand(text: &str, vars: &Vars, escape: char) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        if c == escape && chars.get(i + 1) == Some(&'$') {
            out.push('$');
            i += 2;
            continue;
        }
        if c != '$' {
            out.push(c);
            i += 1;
            continue;
        }
        match chars.get(i + 1) {
            Some('{') => {
                let Some(close) = chars[i + 2..].iter().position(|&c| c == '}') else {
                    out.extend(&chars[i..]);
                    break;
                };
                let inner: String = chars[i + 2..i + 2 + close].iter().collect();
                i += close + 3;
                let name_len = inner.chars().take_while(|&c| is_name(c)).count();
                let (name, modifier) = inner.split_at(name_len);
                let value = vars.get(name).cloned().flatten();
                match modifier {
                    "" => out.push_str(&value?),
                    m if m.starts_with(":-") || m.starts_with('-') => {
                        let word = m.trim_start_matches(':')[1..].to_string();
                        match value {
                            Some(v) if !v.is_empty() || !m.starts_with(':') => out.push_str(&v),
                            Some(_) => out.push_str(&expand(&word, vars, escape)?),
                            None => return None,
                        }
                    }
                    m if m.starts_with(":+") || m.starts_with('+') => {
                        let word = m.trim_start_matches(':')[1..].to_string();
                        match value {
                            Some(v) if !v.is_empty() || !m.starts_with(':') => {
                                out.push_str(&expand(&word, vars, escape)?)
                            }
                            Some(_) => {}
                            None => return None,
                        }
                    }
                    _ => return None,
                }
            }
            Some(&n) if is_name(n) => {
                let len = chars[i + 1..].iter().take_while(|&&c| is_name(c)).count();
                let name: String = chars[i + 1..i + 1 + len].iter().collect();
                out.push_str(&vars.get(&name).cloned().flatten()?);
                i += 1 + len;
            }
            _ => {
                out.push('$');
                i += 1;
            }
        }
    }
    Some(out)
}

/// Joins an argument text written over several lines: an escape character ending a line
/// continues it, and comment or empty lines inside the continuation are dropped, as Docker does.
fn join_continuations(raw: &str, escape: char) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut continuing = false;
    for line in raw.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if continuing {
            let t = line.trim_start();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
        }
        let trimmed = line.trim_end();
        match trimmed.strip_suffix(escape) {
            Some(rest) => {
                out.push_str(rest);
                continuing = true;
            }
            None => {
                out.push_str(line);
                continuing = false;
            }
        }
    }
    out.trim().to_string()
}

/// Splits on blanks outside quotes; quotes and escapes stay in the words.
fn words(text: &str, escape: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == escape && quote != Some('\'') {
            cur.push(c);
            if let Some(n) = chars.next() {
                cur.push(n);
            }
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Removes quotes and escapes from a word; whether any of it was single-quoted (not expanded).
fn unquote(word: &str, escape: char) -> (String, bool) {
    let mut out = String::with_capacity(word.len());
    let mut quote: Option<char> = None;
    let mut single = false;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c == escape && quote != Some('\'') {
            match chars.next() {
                // An escaped `$` stays escaped for `expand`.
                Some('$') => {
                    out.push(escape);
                    out.push('$');
                }
                Some(n) => out.push(n),
                None => {}
            }
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '"' || c == '\'' => {
                single |= c == '\'';
                quote = Some(c);
            }
            _ => out.push(c),
        }
    }
    (out, single)
}

/// Whether a value written in a Dockerfile refers to a variable.
fn has_reference(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'$' && (w[1] == b'{' || w[1].is_ascii_alphanumeric() || w[1] == b'_'))
}

struct StageState {
    node: Map,
    span: Span,
    name: Option<String>,
    vars: Vars,
    env: Vars,
    user: Option<Node>,
    instructions: Vec<Node>,
}

struct Builder<'t> {
    text: &'t str,
    lines: &'t Lines,
    escape: char,
    global_vars: Vars,
    global_args: Vec<Node>,
    all: Vec<Node>,
    stages: Vec<StageState>,
    duplicate_names: Vec<(u32, String)>,
    /// Instructions the parser accepts but Docker rejects: (line, message).
    problems: Vec<(u32, String)>,
}

fn string(s: impl Into<String>, span: Span) -> Node {
    Node::new(Value::String(s.into()), Some(span))
}

fn unknown(span: Span) -> Node {
    Node::unknown("depends on a build argument or the base image", Some(span))
}

fn string_or_unknown(s: Option<String>, span: Span) -> Node {
    match s {
        Some(s) => string(s, span),
        None => unknown(span),
    }
}

impl<'t> Builder<'t> {
    fn new(text: &'t str, lines: &'t Lines, escape: char) -> Self {
        Builder {
            text,
            lines,
            escape,
            global_vars: Vars::new(),
            global_args: Vec::new(),
            all: Vec::new(),
            stages: Vec::new(),
            duplicate_names: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let (l1, c1) = self.lines.position(self.text, start);
        let (l2, c2) = self.lines.position(self.text, end.max(start));
        Span::from_coordinates(l1, c1, l2, c2)
    }

    fn raw(&self, start: usize, end: usize) -> String {
        join_continuations(self.text.get(start..end).unwrap_or(""), self.escape)
    }

    fn vars(&self) -> &Vars {
        self.stages.last().map_or(&self.global_vars, |s| &s.vars)
    }

    fn expand(&self, s: &str) -> Option<String> {
        expand(s, self.vars(), self.escape)
    }

    fn flags(&self, flags: &[pd::Flag<'_>], at: Span, out: &mut Map) {
        let mut map = Map::default();
        let mut mounts = Vec::new();
        for f in flags {
            let span = f.span();
            let span = self.span(span.start, span.end);
            let node = match &f.value {
                Some(v) => string_or_unknown(self.expand(&v.value), span),
                None => Node::new(Value::Bool(true), Some(span)),
            };
            if f.name.value == "mount" {
                mounts.push(node.clone());
            }
            map.entry(f.name.value.to_string()).or_insert(node);
        }
        // Always present, so rules can test `has(item.flags.x)` on any instruction that takes flags.
        out.insert("flags".into(), Node::new(Value::Map(map), Some(at)));
        out.insert("mounts".into(), Node::new(Value::List(mounts), Some(at)));
    }

    /// `KEY=value` pairs of ENV, LABEL and ARG (and ENV's legacy `KEY value`), expanded with
    /// the variables known so far; for ENV and ARG, each pair is visible to the next.
    fn pairs(&mut self, keyword: &str, raw: &str, span: Span) -> Vec<Node> {
        let mut out = Vec::new();
        let ws = words(raw, self.escape);
        let legacy = keyword == "ENV" && ws.first().is_some_and(|w| !w.contains('='));
        let items: Vec<(String, Option<String>)> = if legacy {
            let key = ws[0].clone();
            let value = raw.trim_start()[key.len()..].trim().to_string();
            vec![(key, Some(value))]
        } else {
            ws.iter()
                .map(|w| match w.split_once('=') {
                    Some((k, v)) => (k.to_string(), Some(v.to_string())),
                    None => (w.clone(), None),
                })
                .collect()
        };
        for (key, raw_value) in items {
            let (key, _) = unquote(&key, self.escape);
            let mut pair = Map::default();
            pair.insert("key".into(), string(key.clone(), span));
            let value = match &raw_value {
                Some(rv) => {
                    let (text, single) = unquote(rv, self.escape);
                    pair.insert("raw".into(), string(rv.clone(), span));
                    pair.insert(
                        "literal".into(),
                        Node::new(Value::Bool(!has_reference(rv)), Some(span)),
                    );
                    if single {
                        Some(text)
                    } else {
                        self.expand(&text)
                    }
                }
                // `ARG NAME` in a stage takes the default of a global `ARG NAME`.
                None if keyword == "ARG" && !self.stages.is_empty() => {
                    self.global_vars.get(&key).cloned().flatten()
                }
                None => None,
            };
            if raw_value.is_some() || value.is_some() {
                pair.insert("value".into(), string_or_unknown(value.clone(), span));
            }
            out.push(Node::new(Value::Map(pair), Some(span)));
            match (keyword, self.stages.last_mut()) {
                ("ARG", None) => {
                    self.global_vars.insert(key, value);
                }
                // An ENV of the same name wins over the build argument.
                ("ARG", Some(stage)) if !stage.env.contains_key(&key) => {
                    stage.vars.insert(key, value);
                }
                ("ENV", Some(stage)) => {
                    stage.env.insert(key.clone(), value.clone());
                    stage.vars.insert(key, value);
                }
                _ => {}
            }
        }
        out
    }

    /// An exec-form (JSON) argument list: sets `exec` to the words, each at its own place, and
    /// gives them joined by spaces.
    fn exec(&self, words: &[pd::UnescapedString<'_>], span: Span, node: &mut Map) -> String {
        let items: Vec<Node> = words
            .iter()
            .map(|w| string(w.value.to_string(), self.span(w.span.start, w.span.end)))
            .collect();
        node.insert("exec".into(), Node::new(Value::List(items), Some(span)));
        words
            .iter()
            .map(|w| w.value.as_ref())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn command(&self, c: &pd::Command<'_>, node: &mut Map) -> (String, Span) {
        match c {
            pd::Command::Exec(e) => {
                let span = self.span(e.span.start, e.span.end);
                (self.exec(&e.value, span, node), span)
            }
            pd::Command::Shell(s) => (
                join_continuations(s.value, self.escape),
                self.span(s.span.start, s.span.end),
            ),
            _ => (String::new(), Span::point(1, 1)),
        }
    }

    fn add(&mut self, instruction: &pd::Instruction<'_>) {
        let node = self.instruction(instruction);
        if let Some(node) = node {
            match self.stages.last_mut() {
                Some(stage) => stage.instructions.push(node.clone()),
                None => self.global_args.push(node.clone()),
            }
            self.all.push(node);
        }
    }

    fn instruction(&mut self, instruction: &pd::Instruction<'_>) -> Option<Node> {
        use pd::Instruction as I;
        let (start, end) = extent(instruction);
        let span = self.span(start, end);
        let mut node = Map::default();
        let keyword = match instruction {
            I::Add(_) => "ADD",
            I::Arg(_) => "ARG",
            I::Cmd(_) => "CMD",
            I::Copy(_) => "COPY",
            I::Entrypoint(_) => "ENTRYPOINT",
            I::Env(_) => "ENV",
            I::Expose(_) => "EXPOSE",
            I::From(_) => "FROM",
            I::Healthcheck(_) => "HEALTHCHECK",
            I::Label(_) => "LABEL",
            I::Maintainer(_) => "MAINTAINER",
            I::Onbuild(_) => "ONBUILD",
            I::Run(_) => "RUN",
            I::Shell(_) => "SHELL",
            I::Stopsignal(_) => "STOPSIGNAL",
            I::User(_) => "USER",
            I::Volume(_) => "VOLUME",
            I::Workdir(_) => "WORKDIR",
            _ => return None,
        };
        node.insert("instruction".into(), string(keyword, span));
        if let I::From(f) = instruction {
            self.from(f, span);
            self.stages.last()?;
            node.insert(
                "stage".into(),
                Node::new(Value::Number((self.stages.len() - 1) as f64), Some(span)),
            );
            node.insert(
                "value".into(),
                string(self.raw(f.image.span.start, end), span),
            );
            return Some(Node::new(Value::Map(node), Some(span)));
        }
        if let Some(stage) = self.stages.last() {
            node.insert(
                "stage".into(),
                Node::new(Value::Number((self.stages.len() - 1) as f64), Some(span)),
            );
            if let Some(name) = &stage.name {
                node.insert("stage_name".into(), string(name.clone(), span));
            }
        }
        // Arguments as written (continuations joined), and what Docker makes of them.
        let (value, value_span, expandable): (String, Span, bool) = match instruction {
            I::Add(pd::AddInstruction {
                options, src, dest, ..
            })
            | I::Copy(pd::CopyInstruction {
                options, src, dest, ..
            }) => {
                self.flags(options, span, &mut node);
                let mut sources = Vec::new();
                let mut heredocs = Vec::new();
                for s in src {
                    match s {
                        pd::Source::Path(p) => {
                            let sp = self.span(p.span.start, p.span.end);
                            sources.push(string_or_unknown(self.expand(&p.value), sp));
                        }
                        pd::Source::HereDoc(h) => heredocs.push(string(
                            h.value.to_string(),
                            self.span(h.span.start, h.span.end),
                        )),
                        _ => {}
                    }
                }
                let dest_span = self.span(dest.span.start, dest.span.end);
                node.insert(
                    "sources".into(),
                    Node::new(Value::List(sources), Some(span)),
                );
                node.insert(
                    "dest".into(),
                    string_or_unknown(self.expand(&dest.value), dest_span),
                );
                if !heredocs.is_empty() {
                    node.insert(
                        "heredocs".into(),
                        Node::new(Value::List(heredocs), Some(span)),
                    );
                }
                let first = src
                    .iter()
                    .filter_map(|s| match s {
                        pd::Source::Path(p) => Some(p.span.start),
                        _ => None,
                    })
                    .min()
                    .unwrap_or(dest.span.start)
                    .min(dest.span.start);
                let args_end = dest.span.end;
                (
                    self.raw(first.min(args_end), args_end),
                    self.span(first, args_end),
                    false,
                )
            }
            I::Arg(pd::ArgInstruction { arguments, .. })
            | I::Env(pd::EnvInstruction { arguments, .. })
            | I::Label(pd::LabelInstruction { arguments, .. }) => {
                let raw = self.raw(arguments.span.start, arguments.span.end);
                let sp = self.span(arguments.span.start, arguments.span.end);
                let pairs = self.pairs(keyword, &raw, sp);
                node.insert("pairs".into(), Node::new(Value::List(pairs), Some(sp)));
                (raw, sp, false)
            }
            I::Cmd(pd::CmdInstruction { arguments, .. })
            | I::Entrypoint(pd::EntrypointInstruction { arguments, .. }) => {
                let (v, sp) = self.command(arguments, &mut node);
                (v, sp, false)
            }
            I::Run(r) => {
                self.flags(&r.options, span, &mut node);
                let (mut v, sp) = self.command(&r.arguments, &mut node);
                if !r.here_docs.is_empty() {
                    let docs: Vec<Node> = r
                        .here_docs
                        .iter()
                        .map(|h| string(h.value.to_string(), self.span(h.span.start, h.span.end)))
                        .collect();
                    // What the shell runs: the command line and the scripts it reads.
                    for h in &r.here_docs {
                        if !v.is_empty() {
                            v.push('\n');
                        }
                        v.push_str(&h.value);
                    }
                    node.insert("heredocs".into(), Node::new(Value::List(docs), Some(span)));
                }
                let commands = match &r.arguments {
                    pd::Command::Exec(e) => {
                        let words: Vec<String> =
                            e.value.iter().map(|w| w.value.to_string()).collect();
                        let shell = words.first().is_some_and(|w| {
                            matches!(
                                w.rsplit('/').next(),
                                Some("sh" | "bash" | "ash" | "dash" | "zsh")
                            )
                        });
                        match words.iter().position(|w| w == "-c") {
                            Some(c) if shell && c + 1 < words.len() => {
                                shell_commands(&words[c + 1])
                            }
                            _ => vec![words],
                        }
                    }
                    _ => shell_commands(&v),
                };
                let commands = commands
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .map(|c| command_node(c, span))
                    .collect();
                node.insert(
                    "commands".into(),
                    Node::new(Value::List(commands), Some(span)),
                );
                (v, sp, false)
            }
            I::Expose(e) => {
                let ports: Vec<Node> = e
                    .arguments
                    .iter()
                    .map(|p| {
                        string_or_unknown(
                            self.expand(&p.value),
                            self.span(p.span.start, p.span.end),
                        )
                    })
                    .collect();
                node.insert("ports".into(), Node::new(Value::List(ports), Some(span)));
                let (s, e2) = (
                    e.arguments.first().map_or(end, |a| a.span.start),
                    e.arguments.last().map_or(end, |a| a.span.end),
                );
                (self.raw(s, e2), self.span(s, e2), true)
            }
            I::Healthcheck(h) => {
                self.flags(&h.options, span, &mut node);
                match &h.arguments {
                    pd::HealthcheckArguments::Cmd { arguments, .. } => {
                        let (v, sp) = self.command(arguments, &mut node);
                        (v, sp, false)
                    }
                    _ => ("NONE".to_string(), span, false),
                }
            }
            I::Maintainer(m) => (
                self.raw(m.name.span.start, m.name.span.end),
                self.span(m.name.span.start, m.name.span.end),
                false,
            ),
            I::Onbuild(o) => {
                let (s, _) = extent(&o.instruction);
                (self.raw(s, end), self.span(s, end), false)
            }
            I::Shell(s) => (self.exec(&s.arguments, span, &mut node), span, false),
            I::Stopsignal(pd::StopsignalInstruction { arguments, .. })
            | I::User(pd::UserInstruction { arguments, .. })
            | I::Workdir(pd::WorkdirInstruction { arguments, .. }) => (
                self.raw(arguments.span.start, arguments.span.end),
                self.span(arguments.span.start, arguments.span.end),
                true,
            ),
            I::Volume(v) => {
                let (s, e2) = match &v.arguments {
                    pd::JsonOrStringArray::Json(j) => (j.span.start, j.span.end),
                    pd::JsonOrStringArray::String(s) => (
                        s.first().map_or(end, |a| a.span.start),
                        s.last().map_or(end, |a| a.span.end),
                    ),
                };
                (self.raw(s, e2), self.span(s, e2), true)
            }
            _ => return None,
        };
        if value.trim().is_empty()
            && !node.contains_key("exec")
            && matches!(keyword, "RUN" | "CMD" | "ENTRYPOINT")
        {
            self.problems.push((
                span.start.line,
                format!("{keyword} instruction requires at least one argument"),
            ));
        }
        node.insert("raw".into(), string(value.clone(), value_span));
        let value = if expandable {
            let (text, single) = unquote(&value, self.escape);
            if single {
                Some(text)
            } else {
                self.expand(&text)
            }
        } else {
            Some(value)
        };
        let value_node = string_or_unknown(value, value_span);
        if keyword == "USER" {
            if let Some(stage) = self.stages.last_mut() {
                stage.user = Some(value_node.clone());
            }
        }
        node.insert("value".into(), value_node);
        Some(Node::new(Value::Map(node), Some(span)))
    }

    /// Starts a stage.
    fn from(&mut self, f: &pd::FromInstruction<'_>, span: Span) {
        let index = self.stages.len();
        let image_span = self.span(f.image.span.start, f.image.span.end);
        let raw = self.raw(f.image.span.start, f.image.span.end);
        // FROM sees only the ARGs declared before the first FROM.
        let expanded = expand(
            &unquote(&raw, self.escape).0,
            &self.global_vars,
            self.escape,
        );
        let mut from = Map::default();
        from.insert("raw".into(), string(raw.clone(), image_span));
        let mut base = None;
        match &expanded {
            Some(image) => {
                let lower = image.to_ascii_lowercase();
                base = self
                    .stages
                    .iter()
                    .position(|s| s.name.as_deref() == Some(lower.as_str()));
                if base.is_some() {
                    from.insert("stage".into(), string(lower, image_span));
                } else {
                    let (name, tag, digest) = split_image(image);
                    from.insert("image".into(), string(name, image_span));
                    if let Some(tag) = tag {
                        from.insert("tag".into(), string(tag, image_span));
                    }
                    if let Some(digest) = digest {
                        from.insert("digest".into(), string(digest, image_span));
                    }
                }
            }
            None => {
                for key in ["image", "tag", "digest", "stage"] {
                    from.insert(key.into(), unknown(image_span));
                }
            }
        }
        let mut node = Map::default();
        node.insert(
            "index".into(),
            Node::new(Value::Number(index as f64), Some(span)),
        );
        let name = f.as_.as_ref().map(|(_, n)| {
            let lower = n.value.to_ascii_lowercase();
            (lower, self.span(n.span.start, n.span.end))
        });
        if let Some((n, sp)) = &name {
            node.insert("name".into(), string(n.clone(), *sp));
            if self.stages.iter().any(|s| s.name.as_ref() == Some(n)) {
                self.duplicate_names.push((sp.start.line, n.clone()));
            }
        }
        for flag in &f.options {
            if flag.name.value == "platform" {
                if let Some(v) = &flag.value {
                    let sp = self.span(v.span.start, v.span.end);
                    let value = expand(&v.value, &self.global_vars, self.escape);
                    from.insert("platform".into(), string_or_unknown(value, sp));
                }
            }
        }
        node.insert("from".into(), Node::new(Value::Map(from), Some(image_span)));
        let (env, user) = match base {
            Some(b) => {
                node.insert(
                    "base_stage".into(),
                    Node::new(Value::Number(b as f64), Some(image_span)),
                );
                (self.stages[b].env.clone(), self.stages[b].user.clone())
            }
            None => (Vars::new(), None),
        };
        self.stages.push(StageState {
            node,
            span,
            name: name.map(|(n, _)| n),
            vars: env.clone(),
            env,
            user,
            instructions: Vec::new(),
        });
    }

    fn finish(self) -> Node {
        let count = self.stages.len();
        let mut stages = Vec::with_capacity(count);
        let mut names = Vec::new();
        for (i, s) in self.stages.into_iter().enumerate() {
            let mut node = s.node;
            if let Some(n) = &s.name {
                names.push(Node::new(Value::String(n.clone()), Some(s.span)));
            }
            node.insert(
                "instructions".into(),
                Node::new(Value::List(s.instructions), Some(s.span)),
            );
            if let Some(user) = s.user {
                node.insert("user".into(), user);
            }
            node.insert(
                "final".into(),
                Node::new(Value::Bool(i + 1 == count), Some(s.span)),
            );
            stages.push(Node::new(Value::Map(node), Some(s.span)));
        }
        let mut props = Map::default();
        props.insert(
            "escape".into(),
            Node::new(Value::String(self.escape.to_string()), None),
        );
        props.insert(
            "args".into(),
            Node::new(Value::List(self.global_args), None),
        );
        if let Some(last) = stages.last() {
            props.insert("final_stage".into(), last.clone());
        }
        props.insert("stage_names".into(), Node::new(Value::List(names), None));
        props.insert("stages".into(), Node::new(Value::List(stages), None));
        props.insert(
            "instructions".into(),
            Node::new(Value::List(self.all), None),
        );
        Node::new(Value::Map(props), Some(Span::point(1, 1)))
    }
}

/// The simple commands of a shell script: split at `;`, `&&`, `||`, `|`, `&`, newlines,
/// parentheses and backticks outside quotes; quotes removed; comments dropped. Good enough to
/// tell which programs a `RUN` runs and with which arguments, not a shell.
fn shell_commands(script: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some('"') if c == '\\' => {
                if let Some(n) = chars.next() {
                    word.push(n);
                }
            }
            Some(_) => word.push(c),
            None => match c {
                '\'' | '"' => {
                    quote = Some(c);
                    in_word = true;
                }
                '\\' => match chars.next() {
                    Some('\n') | None => {}
                    Some(n) => {
                        word.push(n);
                        in_word = true;
                    }
                },
                '#' if !in_word => {
                    for n in chars.by_ref() {
                        if n == '\n' {
                            break;
                        }
                    }
                    if !words.is_empty() {
                        commands.push(std::mem::take(&mut words));
                    }
                }
                '$' if chars.peek() == Some(&'(') => {
                    if in_word {
                        words.push(std::mem::take(&mut word));
                        in_word = false;
                    }
                    if !words.is_empty() {
                        commands.push(std::mem::take(&mut words));
                    }
                }
                ';' | '&' | '|' | '\n' | '(' | ')' | '`' => {
                    if in_word {
                        words.push(std::mem::take(&mut word));
                        in_word = false;
                    }
                    if !words.is_empty() {
                        commands.push(std::mem::take(&mut words));
                    }
                }
                c if c.is_whitespace() => {
                    if in_word {
                        words.push(std::mem::take(&mut word));
                        in_word = false;
                    }
                }
                c => {
                    word.push(c);
                    in_word = true;
                }
            },
        }
    }
    if in_word {
        words.push(word);
    }
    if !words.is_empty() {
        commands.push(words);
    }
    commands
}

/// A simple command: its `words`, the `program` it runs (after `NAME=value` assignments and the
/// `wrappers` that run it, such as `sudo -u app` or `env`, without a directory; `python -m pip`
/// runs `pip`) and the program's `args`.
fn command_node(words: Vec<String>, span: Span) -> Node {
    let mut i = 0;
    let mut wrappers = Vec::new();
    loop {
        while words.get(i).is_some_and(|w| is_assignment(w)) {
            i += 1;
        }
        let Some(w) = words.get(i) else { break };
        let name = w.rsplit('/').next().unwrap_or(w);
        if !matches!(
            name,
            "sudo" | "env" | "exec" | "nice" | "nohup" | "time" | "doas"
        ) {
            break;
        }
        wrappers.push(name.to_string());
        i += 1;
        // The wrapper's own options (`sudo -u app -E`), up to the program.
        while let Some(opt) = words.get(i).filter(|w| w.starts_with('-')) {
            i += 1;
            if matches!(opt.as_str(), "-u" | "-g" | "-n" | "-C" | "-h" | "-p" | "-U")
                && name != "env"
            {
                i += 1;
            }
        }
    }
    let mut program = words
        .get(i)
        .map(|w| w.rsplit('/').next().unwrap_or(w).to_string())
        .unwrap_or_default();
    let mut args: &[String] = words.get(i + 1..).unwrap_or(&[]);
    if program.starts_with("python") && args.len() >= 2 && args[0] == "-m" {
        program = args[1].clone();
        args = &args[2..];
    }
    let list = |ws: &[String]| {
        Node::new(
            Value::List(ws.iter().map(|w| string(w.clone(), span)).collect()),
            Some(span),
        )
    };
    let mut node = Map::default();
    node.insert("program".into(), string(program, span));
    node.insert("args".into(), list(args));
    node.insert("wrappers".into(), list(&wrappers));
    node.insert("words".into(), list(&words));
    Node::new(Value::Map(node), Some(span))
}

fn is_assignment(word: &str) -> bool {
    match word.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !name.starts_with(|c: char| c.is_ascii_digit())
        }
        None => false,
    }
}

/// `registry/name:tag@digest` → name (with registry), tag, digest.
fn split_image(image: &str) -> (String, Option<String>, Option<String>) {
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => (r, Some(d.to_string())),
        None => (image, None),
    };
    let slash = rest.rfind('/').map_or(0, |i| i + 1);
    match rest[slash..].rfind(':') {
        Some(c) => (
            rest[..slash + c].to_string(),
            Some(rest[slash + c + 1..].to_string()),
            digest,
        ),
        None => (rest.to_string(), None, digest),
    }
}
